using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>networking.k8s.io/v1: Ingress and NetworkPolicy.</summary>
public static class NetworkingMessages
{
    private static FieldSchema Metadata => Message(1, "metadata", MetaMessages.ObjectMeta);

    public static readonly MessageSchema IngressBackend = new("IngressBackend",
        Message(3, "resource", VolumeMessages.TypedLocalObjectReference),
        Message(4, "service", new MessageSchema("IngressServiceBackend", Text(1, "name"),
            Message(2, "port", new MessageSchema("ServiceBackendPort", Text(1, "name"), Int32(2, "number"))))));

    public static readonly MessageSchema HttpIngressRuleValue = new("HTTPIngressRuleValue",
        Messages(1, "paths", new MessageSchema("HTTPIngressPath", Text(1, "path"), Message(2, "backend", IngressBackend), Text(3, "pathType"))));

    public static readonly MessageSchema IngressRule = new("IngressRule",
        Text(1, "host"), Inline(2, new MessageSchema("IngressRuleValue", Message(1, "http", HttpIngressRuleValue))));

    public static readonly MessageSchema Ingress = new("Ingress", Metadata, Message(2, "spec", new MessageSchema("IngressSpec",
        Message(1, "defaultBackend", IngressBackend), Messages(2, "tls", new MessageSchema("IngressTLS", Texts(1, "hosts"), Text(2, "secretName"))),
        Messages(3, "rules", IngressRule), Text(4, "ingressClassName").KeepZero())));

    public static readonly MessageSchema NetworkPolicyPeer = new("NetworkPolicyPeer",
        Message(1, "podSelector", MetaMessages.LabelSelector), Message(2, "namespaceSelector", MetaMessages.LabelSelector),
        Message(3, "ipBlock", new MessageSchema("IPBlock", Text(1, "cidr"), Texts(2, "except"))));

    public static readonly MessageSchema NetworkPolicyPort = new("NetworkPolicyPort",
        Text(1, "protocol"), IntOrString(2, "port").KeepZero(), Int32(3, "endPort").KeepZero());

    public static readonly MessageSchema NetworkPolicy = new("NetworkPolicy", Metadata, Message(2, "spec", new MessageSchema("NetworkPolicySpec",
        Message(1, "podSelector", MetaMessages.LabelSelector),
        Messages(2, "ingress", new MessageSchema("NetworkPolicyIngressRule", Messages(1, "ports", NetworkPolicyPort), Messages(2, "from", NetworkPolicyPeer))),
        Messages(3, "egress", new MessageSchema("NetworkPolicyEgressRule", Messages(1, "ports", NetworkPolicyPort), Messages(2, "to", NetworkPolicyPeer))),
        Texts(4, "policyTypes"))));
}

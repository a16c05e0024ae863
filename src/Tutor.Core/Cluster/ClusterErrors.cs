using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using k8s.Autorest;

namespace Tutor.Core.Cluster;

/// <summary>Turns transport exceptions and API answers into <see cref="ClusterException"/>s with plain words.</summary>
public static class ClusterErrors
{
    /// <param name="action">What was being attempted, worded to follow "you lack the right to", e.g. "list pods in namespace tutor".</param>
    public static ClusterException FromStatus(int httpCode, string? body, string action)
    {
        var status = ApiStatus.Parse(body, httpCode);
        var detail = string.IsNullOrWhiteSpace(status.Message) ? "" : $": {status.Message}";
        return httpCode switch
        {
            401 => new ClusterException(ClusterFailure.Unauthorized,
                $"the cluster refused your credentials (401 Unauthorized) when trying to {action}{detail}", httpCode),
            403 => new ClusterException(ClusterFailure.Forbidden, $"you lack the right to {action} (403 Forbidden){detail}", httpCode),
            404 => new ClusterException(ClusterFailure.NotFound, $"cannot {action}: not found{detail}", httpCode),
            410 => new ClusterException(ClusterFailure.Gone, $"cannot {action}: the resource version is too old (410 Gone){detail}", httpCode),
            _ => new ClusterException(ClusterFailure.Rejected, $"cannot {action}: {httpCode} {ReasonOf(status)}{detail}", httpCode),
        };
    }

    /// <summary>Classifies any exception thrown while talking to <paramref name="server"/>.</summary>
    public static ClusterException From(Exception e, string server, string action)
    {
        switch (e)
        {
            case ClusterException known:
                return known;
            case HttpOperationException http when http.Response is not null:
                return FromStatus((int)http.Response.StatusCode, http.Response.Content, action);
        }

        if (IsTransport(e, out var reason))
        {
            return new ClusterException(ClusterFailure.Unreachable, $"cannot reach {server} ({reason})", null, e);
        }

        return new ClusterException(ClusterFailure.Rejected, $"cannot {action}: {e.Message}", null, e);
    }

    /// <summary>True when the exception means the server was not talked to at all (or the line dropped).</summary>
    public static bool IsTransport(Exception e, out string reason)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    reason = socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "no such host",
                        SocketError.TimedOut => "timed out",
                        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                        SocketError.ConnectionReset => "connection reset",
                        _ => socket.Message,
                    };
                    return true;
                case AuthenticationException tls:
                    reason = $"TLS handshake failed: {tls.Message}";
                    return true;
                case TimeoutException:
                    reason = "timed out";
                    return true;
                case TaskCanceledException canceled when canceled.InnerException is TimeoutException:
                    reason = "timed out";
                    return true;
                case HttpRequestException request when request.HttpRequestError is not HttpRequestError.Unknown && current.InnerException is null:
                    reason = request.HttpRequestError switch
                    {
                        HttpRequestError.NameResolutionError => "no such host",
                        HttpRequestError.ConnectionError => "connection failed",
                        HttpRequestError.SecureConnectionError => "TLS handshake failed",
                        HttpRequestError.ResponseEnded => "the connection closed",
                        _ => request.Message,
                    };
                    return true;
                case IOException when current.InnerException is null:
                    reason = "the connection dropped";
                    return true;
            }
        }

        if (e is HttpRequestException other)
        {
            reason = other.Message;
            return true;
        }

        reason = "";
        return false;
    }

    private static string ReasonOf(ApiStatus status) =>
        string.IsNullOrEmpty(status.Reason)
            ? Enum.IsDefined(typeof(HttpStatusCode), status.Code) ? ((HttpStatusCode)status.Code).ToString() : ""
            : status.Reason;
}

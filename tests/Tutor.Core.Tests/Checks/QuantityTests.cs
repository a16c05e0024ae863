using Tutor.Core.Checks;

namespace Tutor.Core.Tests.Checks;

public class QuantityTests
{
    [Theory]
    [InlineData("500m", "0.5")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("128Mi", "134217728")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("1Ki", "1024")]
    [InlineData("2k", "2000")]
    [InlineData("1M", "1000000")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("2E", "2000000000000000000")]
    [InlineData("250u", "0.00025")]
    [InlineData("-1", "-1")]
    [InlineData("+.5", "0.5")]
    public void Parses_kubernetes_quantities(string text, string expected) =>
        Quantity.Parse(text).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1 Gi")]
    [InlineData("1GB")]
    [InlineData("Mi")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData("1e")]
    public void Refuses_what_is_not_a_quantity(string text) =>
        Quantity.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Binary_and_decimal_suffixes_order_correctly() =>
        Quantity.Parse("1Gi").Should().BeGreaterThan(Quantity.Parse("1G"));
}

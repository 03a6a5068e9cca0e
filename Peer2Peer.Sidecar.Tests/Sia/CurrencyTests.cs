using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Tests.Sia;

[Category("Unit")]
public sealed class CurrencyTests
{
    [TestCase("1", "1")]
    [TestCase("1000000000000000000000000", "1000000000000000000000000")]
    [TestCase("1 SC", "1000000000000000000000000")]
    [TestCase("1.5 SC", "1500000000000000000000000")]
    [TestCase("1.5SC", "1500000000000000000000000")]
    [TestCase("1.5 sc", "1500000000000000000000000")]
    [TestCase("22.5 mS", "22500000000000000000000")]
    [TestCase("3 KS", "3000000000000000000000000000")]
    [TestCase("0.000000000000000000000001 SC", "1")]
    [TestCase("7 H", "7")]
    [TestCase(".5 SC", "500000000000000000000000")]
    [TestCase("340282366920938463463374607431768211455", "340282366920938463463374607431768211455")]
    public void ParsesHastingsAndUnits(string text, string hastings) =>
        Assert.That(Currency.Parse(text).ToString(), Is.EqualTo(hastings));

    [TestCase("")]
    [TestCase("SC")]
    [TestCase("-1")]
    [TestCase("1.2.3 SC")]
    [TestCase("1e24")]
    [TestCase("0.0000000000000000000000001 SC")]
    [TestCase("1.5 H")]
    [TestCase("340282366920938463463374607431768211456")]
    [TestCase("12 XS")]
    public void RejectsWhatIsNotAnExactAmount(string text) =>
        Assert.That(Currency.TryParse(text, null, out _), Is.False);

    [TestCase("0", "0 SC")]
    [TestCase("1", "1 H")]
    [TestCase("22500000000000000000000", "22.5 mS")]
    [TestCase("1500000000000000000000000", "1.5 SC")]
    [TestCase("300000000000000000000000000000", "300 KS")]
    public void DisplaysWithTheLargestUnitExactly(string hastings, string display)
    {
        var value = Currency.Parse(hastings);

        Assert.That(value.ToDisplayString(), Is.EqualTo(display));
        Assert.That(Currency.Parse(display), Is.EqualTo(value), "display strings parse back");
    }

    [Test]
    public void EncodesAsMinimalBigEndian()
    {
        Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(Currency.Zero)), Is.EqualTo("0000000000000000"));
        Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(new Currency(1))), Is.EqualTo("010000000000000001"));
        Assert.That(Convert.ToHexStringLower(SiaEncoding.Encode(Currency.OneSiacoin)), Is.EqualTo("0a00000000000000d3c21bcecceda1000000"));
    }

    [Test]
    public void LeadingZeroBytesDecodeToTheSameValue() =>
        Assert.That(SiaEncoding.Decode<Currency>([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]), Is.EqualTo(new Currency(5)));

    [Test]
    public void ArithmeticIsCheckedNeverWrapping()
    {
        var max = new Currency(UInt128.MaxValue);

        Assert.That(() => max + new Currency(1), Throws.TypeOf<OverflowException>());
        Assert.That(() => Currency.Zero - new Currency(1), Throws.TypeOf<OverflowException>());
        Assert.That(Currency.Siacoins(2) - Currency.Siacoins(1), Is.EqualTo(Currency.OneSiacoin));
    }

    [Test]
    public void JsonIsADecimalStringAndRefusesNegativeOrFractional()
    {
        Assert.That(SiaJson.Serialize(Currency.OneSiacoin), Is.EqualTo("\"1000000000000000000000000\""));
        Assert.That(SiaJson.Deserialize<Currency>("12"), Is.EqualTo(new Currency(12)), "siad accepts a bare number");
        Assert.That(() => SiaJson.Deserialize<Currency>("\"-5\""), Throws.TypeOf<Newtonsoft.Json.JsonSerializationException>().With.Message.Contains("negative"));
        Assert.That(() => SiaJson.Deserialize<Currency>("\"1.5\""), Throws.TypeOf<Newtonsoft.Json.JsonSerializationException>());
        Assert.That(() => SiaJson.Deserialize<Currency>("1.5"), Throws.TypeOf<Newtonsoft.Json.JsonSerializationException>());
    }
}

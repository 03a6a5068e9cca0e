using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;

namespace Peer2Peer.Sia.Types;

/// <summary>
/// An amount of hastings (10^-24 SC), exact and non-negative. Arithmetic is checked: an overflow or a
/// negative result throws instead of wrapping. Encoded as a length-prefixed minimal big-endian integer;
/// JSON is the decimal string of hastings.
/// </summary>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, ISpanParsable<Currency>, ISiaObject<Currency>
{
    /// <summary>Sia's own currency can be any size; values above 128 bits never occur on a real chain and are refused.</summary>
    public const int MaxEncodedValueBytes = 16;

    private static readonly (string Suffix, int Exponent)[] Units =
    [
        ("pS", 12), ("nS", 15), ("uS", 18), ("mS", 21), ("SC", 24), ("KS", 27), ("MS", 30), ("GS", 33), ("TS", 36), ("H", 0),
    ];

    public Currency(UInt128 hastings) => Hastings = hastings;

    public UInt128 Hastings { get; }

    public static Currency Zero => default;

    public static Currency OneSiacoin { get; } = new(UInt128.Parse("1000000000000000000000000", CultureInfo.InvariantCulture));

    public static int MinEncodedSize => 8;

    public bool IsZero => Hastings == UInt128.Zero;

    public static Currency Siacoins(ulong siacoins) => new(checked((UInt128)siacoins * OneSiacoin.Hastings));

    public static Currency operator +(Currency a, Currency b) => new(checked(a.Hastings + b.Hastings));

    public static Currency operator -(Currency a, Currency b) => a.Hastings >= b.Hastings
        ? new(a.Hastings - b.Hastings)
        : throw new OverflowException("currency subtraction would be negative");

    public static Currency operator *(Currency a, ulong b) => new(checked(a.Hastings * b));

    public static Currency operator /(Currency a, ulong b) => new(a.Hastings / b);

    public static Currency operator %(Currency a, ulong b) => new(a.Hastings % b);

    public static bool operator <(Currency a, Currency b) => a.Hastings < b.Hastings;

    public static bool operator >(Currency a, Currency b) => a.Hastings > b.Hastings;

    public static bool operator <=(Currency a, Currency b) => a.Hastings <= b.Hastings;

    public static bool operator >=(Currency a, Currency b) => a.Hastings >= b.Hastings;

    public static bool operator ==(Currency a, Currency b) => a.Hastings == b.Hastings;

    public static bool operator !=(Currency a, Currency b) => a.Hastings != b.Hastings;

    public static Currency Sum(IEnumerable<Currency> values)
    {
        var total = Zero;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public void EncodeTo(SiaEncoder encoder)
    {
        Span<byte> bigEndian = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bigEndian, Hastings);
        var minimal = bigEndian.TrimStart((byte)0);
        encoder.WritePrefixedBytes(minimal);
    }

    public static Currency DecodeFrom(ref SiaDecoder decoder)
    {
        var start = decoder.Position;
        var length = decoder.ReadCount(1);
        var bytes = decoder.ReadFixed(length);
        // siad's big.Int accepts leading zero bytes; only the value's own size matters.
        var significant = bytes.TrimStart((byte)0);
        if (significant.Length > MaxEncodedValueBytes)
        {
            throw new SiaDecodingException($"currency of {significant.Length} bytes overflows 128 bits", start);
        }

        Span<byte> padded = stackalloc byte[16];
        significant.CopyTo(padded[(16 - significant.Length)..]);
        return new Currency(BinaryPrimitives.ReadUInt128BigEndian(padded));
    }

    /// <summary>The decimal string of hastings (siad's JSON form).</summary>
    public override string ToString() => Hastings.ToString(CultureInfo.InvariantCulture);

    /// <summary>A human amount with the largest unit that keeps it ≥ 1, exact: "1.5 SC", "22.5 mS", "7 H".</summary>
    public string ToDisplayString()
    {
        if (IsZero)
        {
            return "0 SC";
        }

        var value = (BigInteger)Hastings;
        foreach (var (suffix, exponent) in Units.Where(u => u.Exponent > 0).Reverse())
        {
            var unit = BigInteger.Pow(10, exponent);
            if (value >= unit)
            {
                return $"{FormatScaled(value, exponent)} {suffix}";
            }
        }

        return $"{ToString()} H";
    }

    /// <summary>The amount in whole siacoins with every significant decimal: "0.000001".</summary>
    public string ToSiacoinString() => FormatScaled(Hastings, 24);

    private static string FormatScaled(BigInteger value, int exponent)
    {
        var unit = BigInteger.Pow(10, exponent);
        var whole = BigInteger.DivRem(value, unit, out var fraction);
        if (fraction.IsZero)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(exponent, '0').TrimEnd('0');
        return $"{whole.ToString(CultureInfo.InvariantCulture)}.{digits}";
    }

    public static Currency Parse(string s) => Parse(s, null);

    public static Currency Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static Currency Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw new FormatException($"'{s}' is not an amount: use hastings (\"1000\") or a unit (\"1.5 SC\", \"20 mS\", \"7 H\")");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Accepts plain hastings ("1000") or a decimal amount with one of siad's units ("1.5 SC", "1.5SC", "30 mS", "7 H").</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Currency result)
    {
        result = default;
        s = s.Trim();
        var exponent = 0;
        foreach (var (suffix, unitExponent) in Units)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) || (suffix is "SC" or "H" && s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
            {
                exponent = unitExponent;
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }

        var dot = s.IndexOf('.');
        var wholePart = dot < 0 ? s : s[..dot];
        var fractionPart = dot < 0 ? [] : s[(dot + 1)..];
        if (wholePart.IsEmpty && fractionPart.IsEmpty)
        {
            return false;
        }

        if (!AllDigits(wholePart) || !AllDigits(fractionPart) || (dot >= 0 && fractionPart.IsEmpty && wholePart.IsEmpty))
        {
            return false;
        }

        fractionPart = fractionPart.TrimEnd('0');
        if (fractionPart.Length > exponent)
        {
            return false; // finer than one hasting
        }

        var whole = wholePart.IsEmpty ? BigInteger.Zero : BigInteger.Parse(wholePart, CultureInfo.InvariantCulture);
        var fraction = fractionPart.IsEmpty ? BigInteger.Zero : BigInteger.Parse(fractionPart, CultureInfo.InvariantCulture);
        var value = whole * BigInteger.Pow(10, exponent) + fraction * BigInteger.Pow(10, exponent - fractionPart.Length);
        if (value > (BigInteger)UInt128.MaxValue)
        {
            return false;
        }

        result = new Currency((UInt128)value);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange('0', '9') < 0;

    public bool Equals(Currency other) => Hastings == other.Hastings;

    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    public override int GetHashCode() => Hastings.GetHashCode();

    public int CompareTo(Currency other) => Hastings.CompareTo(other.Hastings);
}

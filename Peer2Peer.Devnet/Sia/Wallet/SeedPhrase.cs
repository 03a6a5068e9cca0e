using System.Numerics;
using Peer2Peer.Sia.Crypto;

namespace Peer2Peer.Devnet.Sia.Wallet;

/// <summary>
/// A wallet seed as 29 words: 32 seed bytes and a 6-byte checksum in base 1626, like siad's phrases. siad's English
/// dictionary is not bundled, so the words are synthetic (consonant-vowel syllables): a devnet phrase does not restore
/// on a real siad and vice versa.
/// </summary>
public static class SeedPhrase
{
    private const int WordCount = 29;
    private const int DictionarySize = 1626;
    private static readonly string[] Dictionary = BuildDictionary();

    public static string Encode(ReadOnlySpan<byte> seed)
    {
        var bytes = new byte[38];
        seed.CopyTo(bytes);
        Blake2b.Hash(seed).ToArray().AsSpan(0, 6).CopyTo(bytes.AsSpan(32));
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var words = new string[WordCount];
        for (var i = 0; i < WordCount; i++)
        {
            value = BigInteger.DivRem(value, DictionarySize, out var digit);
            words[i] = Dictionary[(int)digit];
        }

        return string.Join(' ', words);
    }

    public static bool TryDecode(string phrase, out byte[] seed)
    {
        seed = [];
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != WordCount)
        {
            return false;
        }

        var value = BigInteger.Zero;
        for (var i = WordCount - 1; i >= 0; i--)
        {
            var digit = Array.IndexOf(Dictionary, words[i]);
            if (digit < 0)
            {
                return false;
            }

            value = value * DictionarySize + digit;
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 38)
        {
            return false;
        }

        var full = new byte[38];
        bytes.CopyTo(full, 38 - bytes.Length);
        if (!Blake2b.Hash(full.AsSpan(0, 32)).ToArray().AsSpan(0, 6).SequenceEqual(full.AsSpan(32)))
        {
            return false;
        }

        seed = full[..32];
        return true;
    }

    private static string[] BuildDictionary()
    {
        const string consonants = "bcdfghjklmnprstvwz";
        const string vowels = "aeiou";
        var syllables = (from c in consonants from v in vowels select $"{c}{v}").ToArray();
        return (from a in syllables from b in syllables select a + b).Take(DictionarySize).ToArray();
    }
}

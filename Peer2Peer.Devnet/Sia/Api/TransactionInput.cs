using System.Text;
using Newtonsoft.Json;
using Peer2Peer.Sia.Encoding;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Devnet.Sia.Api;

/// <summary>Decodes client-supplied transactions (JSON, base64 binary or raw binary) without ever throwing.</summary>
public static class TransactionInput
{
    /// <summary>siad's decoder refuses objects above 12 MB.</summary>
    private const int MaxObjectSize = 12_000_000;

    public static bool TryJson<T>(string text, out T value, out string error) where T : class
    {
        value = null!;
        error = "";
        try
        {
            var parsed = JsonConvert.DeserializeObject<T>(text, SiaJson.Settings);
            if (parsed is null)
            {
                error = "unexpected null";
                return false;
            }

            value = parsed;
            return Sane(value, out error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message;
            return false;
        }
    }

    public static bool TryJsonList(string text, out IReadOnlyList<Transaction> set, out string error)
    {
        var ok = TryJson<List<Transaction>>(text, out var list, out error);
        set = ok ? list : [];
        return ok;
    }

    /// <summary>A form field holding base64 of the Sia encoding, or the raw bytes themselves (trailing bytes ignored, like siad).</summary>
    public static bool TryBinary(string field, bool list, out IReadOnlyList<Transaction> transactions, out string error)
    {
        transactions = [];
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(field);
        }
        catch (FormatException)
        {
            bytes = Encoding.UTF8.GetBytes(field);
        }

        var typeName = list ? "[]types.Transaction" : "types.Transaction";
        if (bytes.Length > MaxObjectSize)
        {
            error = $"could not decode type {typeName}: encoded object exceeds size limit";
            return false;
        }

        try
        {
            var decoder = new SiaDecoder(bytes);
            transactions = list ? decoder.ReadList<Transaction>() : [Transaction.DecodeFrom(ref decoder)];
            error = "";
            return true;
        }
        catch (SiaDecodingException e)
        {
            // Real 1.3.3 answers "EOF" for truncated input (SIAD.md fixture error-tpool-raw-garbage).
            error = $"could not decode type {typeName}: " + (e.Message.StartsWith("unexpected end of input", StringComparison.Ordinal) ? "EOF" : e.Message);
            return false;
        }
    }

    private static bool Sane<T>(T value, out string error)
    {
        var transactions = value switch
        {
            Transaction t => [t],
            IEnumerable<Transaction> many => many,
            _ => [],
        };
        error = transactions.SelectMany(t => t.StorageProofs).Any(p => p.Segment.Length != StorageProof.SegmentSize)
            ? "storage proof segment must be 64 bytes"
            : "";
        return error.Length == 0;
    }
}

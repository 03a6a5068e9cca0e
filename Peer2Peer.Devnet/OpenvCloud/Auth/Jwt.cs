using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peer2Peer.Devnet.OpenvCloud.Auth;

/// <summary>Compact ES384 JWTs with the BCL only: P-384 ECDSA over SHA-384, signature as r‖s (96 bytes), base64url parts.</summary>
internal static class Jwt
{
    private static readonly string Header = Base64Url.EncodeToString("{\"alg\":\"ES384\",\"typ\":\"JWT\"}"u8);

    public static string Encode(ECDsa key, JsonObject claims)
    {
        var signingInput = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Checks the shape, the algorithm and the signature; expiry is the caller's business.</summary>
    public static bool TryDecode(string token, ECDsa key, out JsonObject claims)
    {
        claims = [];
        var parts = token.Split('.');
        if (parts.Length != 3 || token.Length > 8192)
        {
            return false;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValueKind() != JsonValueKind.String || header["alg"]!.GetValue<string>() != "ES384")
            {
                return false;
            }

            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!key.VerifyData(signingInput, signature, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return false;
            }

            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is not JsonObject body)
            {
                return false;
            }

            claims = body;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or CryptographicException or InvalidOperationException)
        {
            return false;
        }
    }
}

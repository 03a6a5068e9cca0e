namespace Peer2Peer.Sidecar.OpenvCloud;

/// <summary>Reads an HTTP body without trusting its size: never more than a cap, whatever Content-Length claims.</summary>
internal static class BoundedContent
{
    /// <summary>The body, or an <see cref="OpenvCloudProtocolException"/> when it is larger than <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, int max, string what, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > max)
        {
            throw new OpenvCloudProtocolException($"{what}: answer of {content.Headers.ContentLength} bytes exceeds the limit of {max}");
        }

        var (bytes, complete) = await ReadPrefixAsync(content, max, cancellationToken);
        return complete ? bytes : throw new OpenvCloudProtocolException($"{what}: answer exceeds the limit of {max} bytes");
    }

    /// <summary>At most <paramref name="max"/> bytes of the body; <c>complete</c> is false when there was more.</summary>
    public static async Task<(byte[] Bytes, bool Complete)> ReadPrefixAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(81920, max + 1)];
        while (buffer.Length <= max)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length)), cancellationToken);
            if (read == 0)
            {
                return (buffer.ToArray(), true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.GetBuffer().AsSpan(0, max).ToArray(), false);
    }
}

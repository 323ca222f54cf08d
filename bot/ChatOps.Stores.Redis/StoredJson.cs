using System.IO.Compression;
using System.Text;

namespace ChatOps.Stores.Redis;

/// <summary>
/// The bulky JSON Redis keeps, deflated: transcript cards (about 2.5 KB each, shrinking about fourfold) and outbox
/// messages. Every byte written goes to the AOF, is fsynced, and makes the next AOF rewrite longer. What was written
/// plain before still reads.
/// </summary>
internal static class StoredJson
{
    /// <summary>The flag the transcript's read script returns beside a card: none, plain JSON, deflated JSON.</summary>
    public const string None = "0", Plain = "1", Deflated = "2";

    public static byte[] Deflate(string json)
    {
        using var buffer = new MemoryStream(json.Length / 3);
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(json));
        }
        return buffer.ToArray();
    }

    public static string? ReadCard(string flag, byte[]? stored) => flag switch
    {
        None => null,
        Plain => Encoding.UTF8.GetString(stored ?? []),
        Deflated => Inflate(stored ?? []),
        _ => throw new InvalidOperationException($"A stored transcript card has an unknown form '{flag}'."),
    };

    /// <summary>
    /// An outbox message as stored: deflated since the outbox message (with the snapshot it renders) was the largest
    /// single item in the AOF, about 1.1 KB of JSON per command. Messages queued before that are plain JSON, which
    /// always starts with <c>{</c> (0x7B). A deflate stream of it never does: its first byte is the block header plus,
    /// for a fixed-Huffman final block, the first bits of the code for <c>{</c>, which makes 0xAB.
    /// </summary>
    public static string ReadMessage(byte[] stored) =>
        stored.Length > 0 && stored[0] == (byte)'{' ? Encoding.UTF8.GetString(stored) : Inflate(stored);

    /// <summary>As <see cref="ReadMessage"/>, or null when the bytes are neither JSON nor a deflate stream (damaged).</summary>
    public static string? TryReadMessage(byte[]? stored)
    {
        try
        {
            return ReadMessage(stored ?? []);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Inflate(byte[] deflated)
    {
        using var deflate = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

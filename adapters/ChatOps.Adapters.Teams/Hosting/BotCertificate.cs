using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatOps.Adapters.Teams.Hosting;

/// <summary>
/// The certificate the bot proves its identity with instead of a client secret (<c>Teams:CertificatePath</c>): a
/// PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM file holding the certificate and its private key. Loaded once at
/// start by the options validation, so a missing or unreadable file stops the host with the reason, not the first
/// send an hour later.
/// </summary>
internal static class BotCertificate
{
    /// <summary>The certificate with its private key, or null and the reason it cannot be used.</summary>
    public static X509Certificate2? TryLoad(string path, string? password, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"Teams:CertificatePath '{path}' does not exist.";
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = $"Teams:CertificatePath '{path}' could not be read (wrong Teams:CertificatePassword, or not a .pfx/.pem certificate): {ex.Message}";
            return null;
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            problem = $"Teams:CertificatePath '{path}' holds no private key; the bot needs it to sign its token requests.";
            return null;
        }
        return certificate;
    }

    /// <summary>The certificate, or an exception carrying the reason (the validation has already reported it at start).</summary>
    public static X509Certificate2 Load(string path, string? password) =>
        TryLoad(path, password, out var problem) ?? throw new InvalidOperationException(problem);

    private static bool IsPem(string path) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase);
}

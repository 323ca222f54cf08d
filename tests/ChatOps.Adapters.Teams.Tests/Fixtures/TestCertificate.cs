using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>A self-signed certificate the test made, written as a password-protected .pfx into its own temp folder.</summary>
internal sealed class TestCertificate : IDisposable
{
    public const string Password = "pfx-password";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "chatops-teams-cert-" + Guid.NewGuid().ToString("N"));

    public TestCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ChatOps test bot", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        Directory.CreateDirectory(_dir);
        PfxPath = Path.Combine(_dir, "bot.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pfx, Password));
        PublicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
    }

    public string PfxPath { get; }

    /// <summary>What the identity provider knows: the certificate without its private key.</summary>
    public X509Certificate2 PublicOnly { get; }

    public string Folder => _dir;

    public void Dispose()
    {
        PublicOnly.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}

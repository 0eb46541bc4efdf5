using System.Security.Cryptography;
using System.Text;

namespace TelemetryConventions.Runtime.Tests;

/// <summary>
/// The vectors published in docs/pseudonymisation.md, so that other languages and services can check that they
/// produce the same pseudonyms.
/// </summary>
public sealed class DocumentedVectorTests
{
    // These strings were produced by Independent() below (the HMACSHA256 instance API and base64url derived from
    // Convert.ToBase64String), not by the code under test, and pasted here and into the documentation. The first
    // test re-derives them from that independent path, so neither the constants nor the library can drift alone.
    public static TheoryData<string, string, string> Vectors() => new()
    {
        { "patient.id", "12345", "k1:Fu4cCCCxoJtroFNW0tB6xA" },
        { "student.id", "12345", "k1:FEn1WinH-v2cAs5XRXqgPQ" },
        { "customer.email", "zoë@example.org", "k1:KSW21_UrMsvaWHZw26W-Rg" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Independent_implementation_gives_the_documented_vector(string domain, string raw, string expected)
    {
        Assert.Equal(expected, Independent(TestKeys.Sequential32, "k1", domain, raw));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Pseudonymizer_gives_the_documented_vector(string domain, string raw, string expected)
    {
        var uncached = TestKeys.Create(cacheSize: 0);
        var cached = TestKeys.Create();

        Assert.Equal(expected, uncached.Compute(domain, raw));
        Assert.Equal(expected, cached.Compute(domain, raw));
        Assert.Equal(expected, cached.Pseudonymize(domain, raw).Value);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Documentation_lists_the_vector(string domain, string raw, string expected)
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "pseudonymisation.md"));

        Assert.Contains($"| `{domain}` | `{raw}` | `{expected}` |", doc, StringComparison.Ordinal);
        Assert.Contains("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_and_its_decimal_text_agree()
    {
        var pseudonymizer = TestKeys.Create();

        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", pseudonymizer.Compute("patient.id", 12345L));
        Assert.Equal(pseudonymizer.Compute("patient.id", "-42"), pseudonymizer.Compute("patient.id", -42L));
        Assert.Equal(
            Independent(TestKeys.Sequential32, "k1", "account.id", "-9223372036854775808"),
            pseudonymizer.Compute("account.id", long.MinValue));
    }

    [Fact]
    public void Random_inputs_agree_with_the_independent_implementation()
    {
        var random = new Random(4231);
        var pseudonymizer = TestKeys.Create(cacheSize: 64);
        const string alphabet = "abcXYZ0189-_ .@éßΩ中😀\u001F";

        for (int i = 0; i < 300; i++)
        {
            // Lengths cross the stack limit of the encoder so that the pooled path is covered too.
            int length = i % 10 == 0 ? random.Next(200, 3000) : random.Next(0, 40);
            var raw = new StringBuilder(length);
            for (int j = 0; j < length; j++)
            {
                raw.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string domain = i % 2 == 0 ? "patient.id" : "game.player.id";
            string text = raw.ToString();
            Assert.Equal(Independent(TestKeys.Sequential32, "k1", domain, text), pseudonymizer.Compute(domain, text));
        }
    }

    [Fact]
    public void Very_long_identifier_agrees_with_the_independent_implementation()
    {
        string raw = new('7', 100_000);

        Assert.Equal(
            Independent(TestKeys.Sequential32, "k1", "document.id", raw),
            TestKeys.Create(cacheSize: 0).Compute("document.id", raw));
    }

    internal static string Independent(byte[] key, string keyId, string domain, string raw)
    {
        using var hmac = new HMACSHA256(key);
        byte[] input = [.. Encoding.UTF8.GetBytes(domain), 0x1F, .. Encoding.UTF8.GetBytes(raw)];
        byte[] mac = hmac.ComputeHash(input);
        string base64Url = Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return keyId + ":" + base64Url;
    }
}

using System.Text;
using TelemetryConventions.Internal;

namespace TelemetryConventions.Runtime.Tests;

/// <summary>
/// RFC 4231 section 4 test cases for HMAC-SHA256, run through the MAC step that every pseudonym goes through.
/// </summary>
public sealed class Rfc4231Tests
{
    public static TheoryData<int, string, string, string> Cases() => new()
    {
        { 1, Repeat("0b", 20), Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { 2, Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { 3, Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { 4, "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        // Case 5 publishes only the first 128 bits, which is also what a pseudonym keeps.
        { 5, Repeat("0c", 20), Hex("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b" },
        { 6, Repeat("aa", 131), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            7,
            Repeat("aa", 131),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mac_matches_rfc4231(int testCase, string keyHex, string dataHex, string expectedHex)
    {
        byte[] key = Convert.FromHexString(keyHex);
        byte[] data = Convert.FromHexString(dataHex);
        byte[] mac = new byte[PseudonymMac.MacSize];

        PseudonymMac.Compute(key, data, mac);

        string actual = Convert.ToHexStringLower(mac)[..expectedHex.Length];
        Assert.True(expectedHex == actual, $"RFC 4231 case {testCase}: expected {expectedHex}, got {actual}");
    }

    [Fact]
    public void Domain_separated_input_is_exactly_domain_separator_raw()
    {
        // The framing step, checked against the raw MAC of the bytes the documentation describes.
        byte[] key = TestKeys.Sequential32;
        byte[] framed = [.. Encoding.UTF8.GetBytes("patient.id"), 0x1F, .. Encoding.UTF8.GetBytes("Zoë-12345")];
        byte[] expected = new byte[PseudonymMac.MacSize];
        byte[] actual = new byte[PseudonymMac.MacSize];

        PseudonymMac.Compute(key, framed, expected);
        PseudonymMac.Compute(key, "patient.id", "Zoë-12345", actual);

        Assert.Equal(expected, actual);
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));

    private static string Repeat(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));
}

namespace TelemetryConventions.Runtime.Tests;

/// <summary>
/// The hot paths of instrumented code: a repeated identifier and an identifier on a span that may never be recorded.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void Cache_hits_allocate_nothing()
    {
        var pseudonymizer = TestKeys.Create();
        string raw = "12345";
        string expected = pseudonymizer.Compute("patient.id", raw);
        pseudonymizer.Compute("patient.id", 12345L);
        for (int i = 0; i < 100; i++)
        {
            pseudonymizer.Compute("patient.id", raw);
            pseudonymizer.Compute("patient.id", 12345L);
        }

        string last = string.Empty;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            last = pseudonymizer.Compute("patient.id", raw);
        }

        long afterText = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            last = pseudonymizer.Compute("patient.id", 12345L);
        }

        long afterNumber = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, afterText - before);
        Assert.Equal(0, afterNumber - afterText);
        Assert.NotEmpty(last);
        Assert.Equal(expected, pseudonymizer.Compute("patient.id", raw));
    }

    [Fact]
    public void Deferred_pseudonyms_allocate_nothing()
    {
        var pseudonymizer = TestKeys.Create();
        string raw = "12345";
        Pseudonym text = pseudonymizer.Pseudonymize("patient.id", raw);
        Pseudonym number = pseudonymizer.Pseudonymize("patient.id", 12345L);
        // Warm up both the miss and the hit path: the first hit creates the key type's default equality
        // comparer once per process, which is start-up cost, not per-call cost.
        for (int i = 0; i < 3; i++)
        {
            _ = text.Value;
            _ = number.Value;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        text = pseudonymizer.Pseudonymize("patient.id", raw);
        number = pseudonymizer.Pseudonymize("patient.id", 12345L);
        long afterCreate = GC.GetAllocatedBytesForCurrentThread();
        string value = text.Value;
        string numberValue = number.Value;
        long afterCachedRead = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, afterCreate - before);
        Assert.Equal(0, afterCachedRead - afterCreate);
        Assert.Equal(value, numberValue);
    }

    [Fact]
    public void Uncached_computation_allocates_only_the_result_string()
    {
        var pseudonymizer = TestKeys.Create(cacheSize: 0);
        pseudonymizer.Compute("patient.id", "warm-up");

        long before = GC.GetAllocatedBytesForCurrentThread();
        string text = pseudonymizer.Compute("patient.id", "12345");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Only the result string (about 70 bytes for 25 characters): no buffers, no encoder, no HMAC object.
        Assert.InRange(allocated, 1, 128);
        Assert.Equal(25, text.Length);
    }
}

using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace TelemetryConventions.Api.Tests;

/// <summary>
/// What a generated log event allocates, as facts (bytes allocated on this thread), not timings. A
/// disabled level costs nothing; an enabled one costs the state boxed by the provider (the
/// <c>ILogger</c> contract hands state to providers that read it as a list) and the boxes of values
/// that have no cached box (a double).
/// </summary>
public sealed class LogAllocationTests
{
    private const int Calls = 1000;
    private readonly ITestOutputHelper _output;

    public LogAllocationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_disabled_level_allocates_nothing_and_computes_no_pseudonym()
    {
        var logger = new AttributeReadingLogger(enabled: false);
        // Deferred pseudonyms: computing any of them would allocate its text.
        var patients = DistinctPseudonyms(Calls);
        LogAll(logger, patients);

        var before = GC.GetAllocatedBytesForCurrentThread();
        LogAll(logger, patients);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, logger.Records);
    }

    [Fact]
    public void An_enabled_event_of_cached_values_allocates_only_the_boxed_state()
    {
        var logger = new AttributeReadingLogger(enabled: true);
        var patients = Precomputed(Calls);
        LogAll(logger, patients);

        var perCall = Measure(() => LogAll(logger, patients));
        _output.WriteLine($"clinic.record.accessed, 5 attributes (pseudonym, enum, int enum, integer, boolean): {perCall} B per call");
        // The state struct of 8 attribute slots, the body and the entry count, boxed once by the provider:
        // 16 B of header, 9 references and the int padded to 8 B. The pseudonym text, the enum's wire value
        // and the boxes of the integer enum, the small integer and the boolean already exist.
        Assert.Equal(16 + 9 * 8 + 8, perCall);
        Assert.Equal(2 * Calls * 6, logger.AttributesRead);
    }

    [Fact]
    public void An_enabled_event_with_a_double_also_boxes_the_double()
    {
        var logger = new AttributeReadingLogger(enabled: true);
        VitalsAll(logger);

        var perCall = Measure(() => VitalsAll(logger));
        _output.WriteLine($"clinic.vitals_recorded, 2 attributes (double, boolean): {perCall} B per call");
        // The boxed state (16 B, 3 references and the entry count padded to 8 B) and the boxed double
        // (24 B); the boolean's box is cached.
        Assert.Equal(16 + 3 * 8 + 8 + 24, perCall);
    }

    private static double Measure(Action calls)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        calls();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
    }

    private static void LogAll(ILogger logger, Pseudonym[] patients)
    {
        foreach (var patient in patients)
        {
            logger.LogClinicRecordAccessedEvent(patient, ClinicVisitKind.Outpatient, clinicPriority: ClinicPriority.High, clinicRoom: 12, clinicUrgent: true);
        }
    }

    private static void VitalsAll(ILogger logger)
    {
        for (var i = 0; i < Calls; i++)
        {
            logger.LogClinicVitalsRecordedEvent(37.5, clinicUrgent: false);
        }
    }

    private static Pseudonym[] Precomputed(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Pseudonym.FromComputed(TestTelemetry.Pseudonymizer.Compute(ClinicAttributes.PatientId, "MRN-" + i)))
            .ToArray();

    private static Pseudonym[] DistinctPseudonyms(int count) =>
        Enumerable.Range(0, count)
            .Select(i => TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-" + Guid.NewGuid().ToString("N")))
            .ToArray();

    /// <summary>A provider that reads every attribute of the state, as the OpenTelemetry logger does.</summary>
    private sealed class AttributeReadingLogger : ILogger
    {
        private readonly bool _enabled;

        public AttributeReadingLogger(bool enabled) => _enabled = enabled;

        public int Records { get; private set; }

        public int AttributesRead { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _enabled;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Records++;
            if (state is IReadOnlyList<KeyValuePair<string, object?>> attributes)
            {
                for (var i = 0; i < attributes.Count; i++)
                {
                    if (attributes[i].Value is not null)
                    {
                        AttributesRead++;
                    }
                }
            }
        }
    }
}

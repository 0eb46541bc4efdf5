using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.InstrumentPerCallAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC3002Tests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.Metrics;
        using Contoso.Telemetry;

        """;

    /// <summary>An observable factory of the generator's shape, beside the test's generated API.</summary>
    private const string ObservableFactory = """

        namespace Contoso.Telemetry
        {
            public static partial class TelemetryMetrics
            {
                public static ObservableGauge<long> CreateHospitalBedsObservableGauge(this Meter meter, Func<IEnumerable<Measurement<long>>> observe) =>
                    meter.CreateObservableGauge("hospital.beds", observe, "{bed}");
            }
        }
        """;

    [Fact]
    public async Task Registering_an_observable_instrument_in_a_loop_over_one_meter_is_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Ward
            {
                private readonly Meter _meter;

                public Ward(Meter meter, string[] wards)
                {
                    _meter = meter;
                    foreach (var ward in wards)
                    {
                        {|#0:meter.CreateHospitalBedsObservableGauge(() => Array.Empty<Measurement<long>>())|};
                    }
                }

                void Poll(int rounds)
                {
                    for (var i = 0; i < rounds; i++)
                    {
                        var beds = {|#1:TelemetryMetrics.CreateHospitalBedsObservableGauge(_meter, () => new[] { new Measurement<long>(i) })|};
                    }
                    while (rounds-- > 0)
                    {
                        {|#2:_meter.CreateHospitalBedsObservableGauge(() => Array.Empty<Measurement<long>>())|};
                    }
                }
            }
            """ + ObservableFactory, null, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateHospitalBedsObservableGauge"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("CreateHospitalBedsObservableGauge"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("CreateHospitalBedsObservableGauge"));
    }

    [Fact]
    public async Task Registrations_once_per_meter_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Ward
            {
                private readonly List<long> _occupied = new();

                public Ward(Meter meter)
                {
                    meter.CreateHospitalBedsObservableGauge(Observe);
                }

                IEnumerable<Measurement<long>> Observe()
                {
                    foreach (var beds in _occupied)
                    {
                        yield return new Measurement<long>(beds);
                    }
                }

                void PerShard(Meter[] meters, int shards)
                {
                    // One registration per meter: the meter changes with the iteration.
                    foreach (var meter in meters)
                    {
                        meter.CreateHospitalBedsObservableGauge(Observe);
                    }
                    for (var i = 0; i < shards; i++)
                    {
                        var meter = new Meter("shard." + i);
                        meter.CreateHospitalBedsObservableGauge(Observe);
                    }
                }
            }
            """ + ObservableFactory);
    }

    [Fact]
    public async Task Synchronous_factories_are_meant_to_be_called_where_they_record()
    {
        // The generated Create…() of a counter, histogram or gauge returns the meter's one wrapper.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Ward(Meter meter)
            {
                void Admit(string[] departments)
                {
                    foreach (var department in departments)
                    {
                        meter.CreateHospitalVisitsCounter().Add(1, department);
                    }
                    var visits = meter.CreateHospitalVisitsCounter();
                    visits.Add(1);
                    meter.CreateHospitalVisitsCounter().Instrument.Add(1);
                }
            }
            """);
    }

    [Fact]
    public async Task A_factory_class_marked_by_the_generator_is_recognised_whatever_its_name()
    {
        // The attribute, not the name TelemetryMetrics, is what identifies the generated factories.
        await VerifyCS.AnalyzerAsync(Usings + """
            namespace Wards
            {
                [System.CodeDom.Compiler.GeneratedCode("TelemetryConventions", "1.0.0.0")]
                public static class WardGauges
                {
                    public static ObservableGauge<long> CreateBedsObservableGauge(this Meter meter, Func<IEnumerable<Measurement<long>>> observe) =>
                        meter.CreateObservableGauge("ward.beds", observe);
                }

                public static class UnmarkedGauges
                {
                    public static ObservableGauge<long> CreateCotsObservableGauge(this Meter meter, Func<IEnumerable<Measurement<long>>> observe) =>
                        meter.CreateObservableGauge("ward.cots", observe);
                }

                class Ward
                {
                    void Poll(Meter meter, int rounds)
                    {
                        for (var i = 0; i < rounds; i++)
                        {
                            {|#0:meter.CreateBedsObservableGauge(() => Array.Empty<Measurement<long>>())|};
                            meter.CreateCotsObservableGauge(() => Array.Empty<Measurement<long>>());
                        }
                    }
                }
            }
            """, null, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateBedsObservableGauge"));
    }
}

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

    [Fact]
    public async Task Creating_in_a_loop_and_recording_in_the_same_expression_are_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Ward
            {
                private readonly Meter _meter;

                public Ward(Meter meter, string[] departments)
                {
                    _meter = meter;
                    // Once per object, but many times over one meter.
                    foreach (var department in departments)
                    {
                        {|#0:meter.CreateHospitalVisitsCounter()|}.Add(0, department);
                    }
                }

                void Admit(string department)
                {
                    {|#1:_meter.CreateHospitalVisitsCounter()|}.Add(1, department);
                    {|#2:_meter.CreateHospitalVisitsCounter()|}.Instrument.Add(1);
                }

                void AdmitAll(string[] departments)
                {
                    for (var i = 0; i < departments.Length; i++)
                    {
                        var visits = {|#3:_meter.CreateHospitalVisitsCounter()|};
                        visits.Add(1, departments[i]);
                    }
                    HospitalVisitsCounter last;
                    do
                    {
                        last = {|#4:_meter.CreateHospitalVisitsCounter()|};
                    }
                    while (departments.Length > 10);
                }
            }
            """, null, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateHospitalVisitsCounter", "on every iteration of the loop"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("CreateHospitalVisitsCounter", "for a single use"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("CreateHospitalVisitsCounter", "for a single use"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("CreateHospitalVisitsCounter", "on every iteration of the loop"),
            VerifyCS.Diagnostic().WithLocation(4).WithArguments("CreateHospitalVisitsCounter", "on every iteration of the loop"));
    }

    [Fact]
    public async Task A_local_that_records_and_is_dropped_in_an_ordinary_method_is_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Ward
            {
                private readonly Meter _meter = new("ward");

                void Admit(string department, bool urgent)
                {
                    var visits = {|#0:_meter.CreateHospitalVisitsCounter()|};
                    visits.Add(1, department);
                    if (urgent)
                    {
                        visits.Add(1, "emergency");
                    }
                }

                Action Handler() => () =>
                {
                    var visits = {|#1:_meter.CreateHospitalVisitsCounter()|};
                    visits.Add(1);
                };
            }
            """, null, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateHospitalVisitsCounter", "on every call and drops it"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("CreateHospitalVisitsCounter", "on every call and drops it"));
    }

    [Fact]
    public async Task Instruments_created_once_and_kept_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            interface IServices
            {
                void AddSingleton(Func<IServiceProvider, HospitalVisitsCounter> factory);
            }

            class Ward
            {
                private static readonly Meter Shared = new("shared");
                private static readonly HospitalVisitsCounter SharedVisits = Shared.CreateHospitalVisitsCounter();
                private readonly HospitalVisitsCounter _visits;
                private HospitalVisitsCounter? _lazy;
                private readonly Dictionary<Meter, HospitalVisitsCounter> _byMeter = new();
                private readonly Meter _meter;

                public Ward(Meter meter)
                {
                    _meter = meter;
                    _visits = meter.CreateHospitalVisitsCounter();
                    meter.CreateHospitalVisitsCounter().Add(0);
                    var started = meter.CreateHospitalVisitsCounter();
                    started.Add(1);
                }

                static Ward()
                {
                    Shared.CreateHospitalVisitsCounter().Add(0);
                }

                public HospitalVisitsCounter Visits { get; } = Shared.CreateHospitalVisitsCounter();

                HospitalVisitsCounter Lazy() => _lazy ??= _meter.CreateHospitalVisitsCounter();

                HospitalVisitsCounter Make() => _meter.CreateHospitalVisitsCounter();

                void Register(IServices services, Meter[] meters, List<HospitalVisitsCounter> all)
                {
                    services.AddSingleton(provider => _meter.CreateHospitalVisitsCounter());
                    services.AddSingleton(provider =>
                    {
                        var visits = _meter.CreateHospitalVisitsCounter();
                        visits.Add(0);
                        return visits;
                    });
                    foreach (var meter in meters)
                    {
                        _byMeter[meter] = meter.CreateHospitalVisitsCounter();
                        all.Add(meter.CreateHospitalVisitsCounter());
                    }
                    for (var i = 0; i < meters.Length; i++)
                    {
                        var visits = meters[i].CreateHospitalVisitsCounter();
                        all.Add(visits);
                    }
                }

                void Unread()
                {
                    // Pointless, but not repeated work the rule can be sure of.
                    _meter.CreateHospitalVisitsCounter();
                    var unused = _meter.CreateHospitalVisitsCounter();
                }

                void Captured(List<Action> callbacks)
                {
                    var visits = _meter.CreateHospitalVisitsCounter();
                    callbacks.Add(() => visits.Add(1));
                    var instrument = _meter.CreateHospitalVisitsCounter().Instrument;
                    callbacks.Add(() => instrument.Add(1));
                }

                void OwnMeter(Func<Meter> meters)
                {
                    using var meter = new Meter("test");
                    meter.CreateHospitalVisitsCounter().Add(1);
                    var visits = meter.CreateHospitalVisitsCounter();
                    visits.Add(1);
                    new Meter("inline").CreateHospitalVisitsCounter().Add(1);
                    var fixture = new Fixture();
                    fixture.Meter.CreateHospitalVisitsCounter().Add(1);
                    for (var i = 0; i < 3; i++)
                    {
                        using var perIteration = new Meter("iteration");
                        perIteration.CreateHospitalVisitsCounter().Add(1);
                    }
                }

                sealed class Fixture
                {
                    public Meter Meter { get; } = new("fixture");
                }
            }

            static class Other
            {
                public static HospitalVisitsCounter CreateVisits(Meter meter) => new(meter);

                static void Use(Meter meter)
                {
                    CreateVisits(meter).Add(1);
                    meter.CreateCounter<long>("hospital.visits").Add(1);
                }
            }
            """, null, null);
    }

    [Fact]
    public async Task The_entry_point_creates_its_instruments_once()
    {
        await VerifyCS.ProgramAsync(Usings + """
            var meter = Meters.Create();
            meter.CreateHospitalVisitsCounter().Add(1);
            var visits = meter.CreateHospitalVisitsCounter();
            visits.Add(2);
            foreach (var department in args)
            {
                {|#0:meter.CreateHospitalVisitsCounter()|}.Add(1, department);
            }

            static class Meters
            {
                public static Meter Create() => new("program");
            }
            """, null,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CreateHospitalVisitsCounter", "on every iteration of the loop"));
    }
}

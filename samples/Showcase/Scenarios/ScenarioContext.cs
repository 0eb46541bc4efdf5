using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using TelemetryConventions.Samples.Hosting;

namespace TelemetryConventions.Samples.Scenarios;

/// <summary>
/// What one run of a scenario works with: where to send telemetry, a seeded random source, a
/// simulated clock, and the pseudonymizer for identifiers of people.
/// </summary>
public sealed class ScenarioContext
{
    private readonly ShowcaseTelemetry _telemetry;
    private readonly List<string> _rawIdentifiers = new();

    /// <summary>A context for one run of <paramref name="scenario"/>.</summary>
    /// <param name="telemetry">The source, meter and pseudonymizer to use.</param>
    /// <param name="scenario">The scenario about to run; its id seeds the random source.</param>
    /// <param name="iteration">Which repetition this is; each one simulates different data, reproducibly.</param>
    /// <param name="start">Where the simulated clock starts; the wall clock when null.</param>
    public ScenarioContext(ShowcaseTelemetry telemetry, IScenario scenario, int iteration = 0, DateTimeOffset? start = null)
    {
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        Iteration = iteration;
        Random = new Random(SeedOf(scenario.Id, iteration));
        Clock = new SimulatedClock(start ?? DateTimeOffset.UtcNow);
    }

    /// <summary>The scenario being run.</summary>
    public IScenario Scenario { get; }

    /// <summary>The repetition number, 0 for the first run.</summary>
    public int Iteration { get; }

    /// <summary>Where spans start.</summary>
    public ActivitySource Source => _telemetry.Source;

    /// <summary>Where log events (audit records, alerts) are written; they carry the current span's trace id.</summary>
    public ILogger Logger => _telemetry.Logger;

    /// <summary>
    /// The simulation's random source, seeded from the scenario id and iteration, so that every run
    /// of the same scenario produces the same data.
    /// </summary>
    public Random Random { get; }

    /// <summary>The simulated time line; spans start and end on it.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>
    /// Every raw identifier this run handed to the pseudonymizer. Tests scan the exported telemetry
    /// for them; none may appear.
    /// </summary>
    public IReadOnlyList<string> RawIdentifiers => _rawIdentifiers;

    /// <summary>
    /// Where metrics are recorded. The generated <c>meter.Create…()</c> factories return one instrument
    /// per meter, so scenarios call them where they record, on every run.
    /// </summary>
    public Meter Meter => _telemetry.Meter;

    /// <summary>
    /// A long-lived service, created once from the meter and shared by every run (as a
    /// dependency-injection singleton would be): where a scenario keeps the state its observable
    /// instruments report when the SDK collects.
    /// </summary>
    public T Service<T>(Func<Meter, T> create) where T : class => _telemetry.Service(create);

    /// <summary>
    /// A keyed pseudonym of <paramref name="rawValue"/>. The HMAC is computed only if a recorded span
    /// reads it. <paramref name="domain"/> is the attribute name (for example <c>PatientAttributes.Id</c>),
    /// so that the same number as a patient and as a doctor gives unrelated pseudonyms.
    /// </summary>
    public Pseudonym Pseudonymize(string domain, string rawValue)
    {
        _rawIdentifiers.Add(rawValue);
        return _telemetry.Pseudonymizer.Pseudonymize(domain, rawValue);
    }

    /// <summary>A keyed pseudonym of a numeric identifier; see <see cref="Pseudonymize(string, string)"/>.</summary>
    public Pseudonym Pseudonymize(string domain, long rawValue)
    {
        _rawIdentifiers.Add(rawValue.ToString(CultureInfo.InvariantCulture));
        return _telemetry.Pseudonymizer.Pseudonymize(domain, rawValue);
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>), for simulated measurements.</summary>
    public double Between(double min, double max) => min + (Random.NextDouble() * (max - min));

    /// <summary>A value around <paramref name="mean"/>, normally distributed, for simulated readings.</summary>
    public double Around(double mean, double standardDeviation)
    {
        // Box-Muller: the random source is seeded, so the readings stay reproducible.
        var u1 = 1.0 - Random.NextDouble();
        var u2 = Random.NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>One of <paramref name="items"/>, picked with the seeded random source.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>Rounds a simulated measurement to <paramref name="digits"/> decimals, as a sensor reports it.</summary>
    public static double Round(double value, int digits = 1) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    // string.GetHashCode is randomised per process, so the seed is built from the id's digits:
    // "2.1" -> 201, then spread so that neighbouring scenarios and iterations are far apart.
    private static int SeedOf(string id, int iteration)
    {
        var seed = 0;
        foreach (var part in id.Split('.'))
        {
            seed = (seed * 100) + int.Parse(part, CultureInfo.InvariantCulture);
        }
        return unchecked((seed * 7919) + (iteration * 104729));
    }
}

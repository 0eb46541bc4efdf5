namespace TelemetryConventions.Samples.Scenarios;

/// <summary>
/// One of the industry scenarios: a small simulated service instrumented only through the API
/// that the generator compiled from conventions/.
/// </summary>
public interface IScenario
{
    /// <summary>The scenario's number in the scenario list, for example <c>2.1</c>.</summary>
    string Id { get; }

    /// <summary>The kebab-case name used on the command line, for example <c>hospital-information-system</c>.</summary>
    string Name { get; }

    /// <summary>The industry, for example <c>healthcare</c>; the conventions folder of the same name declares its telemetry.</summary>
    string Industry { get; }

    /// <summary>One line on what the simulation does and which telemetry it shows.</summary>
    string Summary { get; }

    /// <summary>
    /// Runs the simulation once. Domain failures the scenario simulates are recorded on spans and do
    /// not throw; an exception out of here is a bug in the sample.
    /// </summary>
    void Run(ScenarioContext ctx);
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using PrivacyCorpus.Shared;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Transport;

public sealed record IncidentReport(
    string IncidentId,
    string DriverStaffNumber,
    string FleetNumber,
    string BusRegistration,
    string RouteId,
    string Location,
    string DriverAccount,
    string? PassengerStatement);

/// <summary>
/// Turns a driver's spoken incident account (transcribed on the cab tablet) into the structured
/// incident summary the control room files. A Semantic Kernel prompt function does the writing.
/// </summary>
public sealed partial class IncidentReportAssistant(Kernel kernel, KernelFunction summariseIncident, Pseudonymizer pseudonymizer, ILogger<IncidentReportAssistant> logger)
{
    private static readonly ActivitySource Source = new("Transit.Incidents");

    private const string Model = "gpt-4o-2024-08-06";

    public async Task<string> SummariseAsync(IncidentReport report, CancellationToken cancellationToken)
    {
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("incident-summary");
        Activity.Current?.SetTag("transit.incident.id", report.IncidentId);
        Activity.Current?.SetTag("transit.bus.registration", report.BusRegistration); // clean precision-names
        Activity.Current?.SetTag("transit.bus.fleet_number", report.FleetNumber);
        LogIncidentReceived(logger, report.IncidentId, report.RouteId, report.DriverStaffNumber); // clean precision-pseudonym
        LogDriverOnShift(logger, report.DriverStaffNumber, report.FleetNumber); // leak TC1001 cross-member

        var arguments = new KernelArguments
        {
            ["route"] = report.RouteId,
            ["location"] = report.Location,
            ["account"] = report.DriverAccount,
            ["statement"] = report.PassengerStatement ?? "(none)",
        };

        FunctionResult result;
        try
        {
            result = await kernel.InvokeAsync(summariseIncident, arguments, cancellationToken);
        }
        catch (KernelException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError("Incident summary failed for {IncidentId} with {ErrorType}", report.IncidentId, ex.GetType().Name); // clean exceptions
            throw;
        }

        var summary = result.GetValue<string>() ?? string.Empty;
        logger.LogDebug("Incident prompt as rendered: {Prompt}", result.RenderedPrompt); // leak TC1001 strings
        span.SetAssistantPromptLength(result.RenderedPrompt?.Length ?? 0); // clean precision-about
        span.SetAssistantNote(summary.Length > 200 ? summary[..200] : summary); // leak TC1001 generated-api
        logger.LogInformation("Incident {IncidentId} summarised for {DriverRef}", report.IncidentId, pseudonymizer.ComputeAssistantSubjectId(report.DriverStaffNumber)); // clean precision-pseudonym
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} on route {RouteId} reported by driver {DriverStaffNumber}")]
    private static partial void LogIncidentReceived(ILogger logger, string incidentId, string routeId, [PrivateData] string driverStaffNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Driver {DriverStaffNumber} is on bus {FleetNumber}")]
    private static partial void LogDriverOnShift(ILogger logger, string driverStaffNumber, string fleetNumber);
}

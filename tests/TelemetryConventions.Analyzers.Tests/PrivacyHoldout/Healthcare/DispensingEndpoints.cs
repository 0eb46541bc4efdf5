using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Healthcare;

public sealed record PrescriptionLine(string Gtin, string Description, int Quantity);

public sealed record DispenseRequest(string NhsNumber, string BranchCode, string? CollectionPhone, IReadOnlyList<PrescriptionLine> Lines, bool Exempt);

public sealed record DispenseResult(string DispenseId, int ItemsSupplied, int ItemsOwed);

public interface IDispensingService
{
    Task<DispenseResult> DispenseAsync(DispenseRequest request, CancellationToken cancellationToken);
}

public sealed class PatientNotRegisteredException(string nhsNumber)
    : Exception($"No patient with NHS number {nhsNumber} is registered at this branch")
{
    public string NhsNumber { get; } = nhsNumber;
}

public static class DispensingEndpoints
{
    private static readonly ActivitySource Source = new("Pharmacy.Dispensing");

    public static EndpointRoutes MapDispensing(this EndpointRoutes routes)
    {
        routes.MapPost("/dispenses", DispenseAsync);
        routes.MapGet("/patients/{nhsNumber}/dispenses", ListAsync);
        return routes;
    }

    private static async Task<ActionResult> DispenseAsync(
        DispenseRequest request,
        IDispensingService dispensing,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<DispenseRequest> logger,
        CancellationToken cancellationToken)
    {
        var patient = pseudonymizer.PseudonymizePharmacyPatientId(request.NhsNumber);
        var span = Activity.Current.EnrichPharmacyDispense(patient) // clean generated-api
            .SetPharmacyBranch(request.BranchCode) // clean generated-api
            .SetPharmacyItemCount(request.Lines.Count); // clean precision-about

        Activity.Current?.SetTag("pharmacy.patient.exempt", request.Exempt); // clean precision-about
        Activity.Current?.SetTag("pharmacy.collection.sms", request.CollectionPhone is not null); // clean precision-about

        try
        {
            var result = await dispensing.DispenseAsync(request, cancellationToken);
            Activity.Current?.SetTag("pharmacy.dispense.id", result.DispenseId); // clean precision-names
            meter.CreatePharmacyDispensesCounter().Add(1, pharmacyBranch: request.BranchCode); // clean generated-api
            if (result.ItemsOwed > 0)
            {
                span.SetPharmacyDispenseNote($"owing {result.ItemsOwed} of {request.Lines.Count} items"); // clean generated-api
                logger.LogInformation("Dispense {DispenseId} left {Owed} items owing for patient {NhsNumber}", result.DispenseId, result.ItemsOwed, request.NhsNumber); // leak TC1001 direct
            }
            return Results.Ok(result);
        }
        catch (PatientNotRegisteredException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            span.SetPharmacyDispenseNote($"patient {ex.NhsNumber} not registered"); // leak TC1001 generated-api
            return Results.NotFound();
        }
    }

    private static async Task<ActionResult> ListAsync(string nhsNumber, ClaimsPrincipal user, IPrescriptionHistory history, ILogger<DispenseRequest> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("pharmacy.history.list");
        activity?.SetTag("pharmacy.patient.nhs_number", nhsNumber); // leak TC1001 direct
        var pharmacist = user.FindFirstValue(ClaimTypes.Email);
        activity?.SetTag("pharmacy.pharmacist", pharmacist); // leak TC1001 direct
        var registrationNumber = user.FindFirstValue("gphc_registration");
        activity?.SetTag("pharmacy.pharmacist.registered", registrationNumber is not null); // clean precision-about

        var dispenses = await history.ForPatientAsync(nhsNumber, cancellationToken);
        activity?.SetTag("pharmacy.history.count", dispenses.Count); // clean precision-about
        activity?.SetTag("pharmacy.history.branches", string.Join(",", dispenses.Select(d => d.BranchCode).Distinct())); // clean strings
        logger.LogDebug("History lookup by {Pharmacist} returned {Count} dispenses", pharmacist, dispenses.Count); // leak TC1001 direct
        return Results.Ok(dispenses);
    }
}

public sealed record DispenseSummary(string DispenseId, string BranchCode, DateTimeOffset DispensedAt);

public interface IPrescriptionHistory
{
    Task<IReadOnlyList<DispenseSummary>> ForPatientAsync(string nhsNumber, CancellationToken cancellationToken);
}

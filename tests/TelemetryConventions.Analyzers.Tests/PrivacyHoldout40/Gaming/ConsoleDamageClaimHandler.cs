using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Gaming;

public sealed record OpenConsoleClaim(
    Guid PlayerId,
    string Gamertag,
    string ConsoleSerial,
    string DamageKind,
    string Description,
    IReadOnlyList<IFormFile> Photos) : IRequest<ConsoleClaimOpened>;

public sealed record ConsoleClaimOpened(string ClaimId, string RepairPartnerId, bool Referred);

public sealed record ConsoleCarePlan(string PlanId, Guid PlayerId, string ConsoleSerial, string PlanSku, DateOnly StartedOn);

public sealed record RepairBooking(string RepairPartnerId, string Depot, string TechnicianName, DateOnly CollectionDate);

public interface IConsoleCarePlans
{
    Task<ConsoleCarePlan?> ForConsoleAsync(string consoleSerial, CancellationToken cancellationToken);

    Task<int> ClaimsInLastYearAsync(string consoleSerial, CancellationToken cancellationToken);
}

public interface IRepairNetwork
{
    Task<RepairBooking> BookCollectionAsync(string claimId, string damageKind, string countryCode, CancellationToken cancellationToken);
}

/// <summary>Thrown when a console has no active ConsoleCare plan; the endpoint lets it reach the host.</summary>
public sealed class ConsoleNotCoveredException(string consoleSerial)
    : Exception($"Console {consoleSerial} has no active ConsoleCare plan");

public sealed class OpenConsoleClaimHandler(
    IConsoleCarePlans plans,
    IRepairNetwork repairs,
    IBlobContainer photos,
    Pseudonymizer pseudonymizer,
    ILogger<OpenConsoleClaimHandler> logger) : IRequestHandler<OpenConsoleClaim, ConsoleClaimOpened>
{
    private const int RepeatClaimThreshold = 2;

    public async Task<ConsoleClaimOpened> Handle(OpenConsoleClaim request, CancellationToken cancellationToken)
    {
        var plan = await plans.ForConsoleAsync(request.ConsoleSerial, cancellationToken)
            ?? throw new ConsoleNotCoveredException(request.ConsoleSerial); // leak TC1001 exceptions

        var claimId = "CC-CLM-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var scope = logger.BeginScope("claim {ClaimId} plan {PlanId}", claimId, plan.PlanId); // clean direct
        var span = Activity.Current.EnrichCoverClaim("console", CoverClaimStage.Fnol);
        span.SetCoverClaimId(claimId);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.SetCoverEvidenceCount(request.Photos.Count);

        var journeyVariant = Math.Abs(request.Gamertag.GetHashCode()) % 2 == 0 ? "guided" : "classic";
        Activity.Current?.SetTag("claim.journey_variant", journeyVariant); // leak TC1002 hashes
        Activity.Current?.SetTag("claim.damage_kind", request.DamageKind);
        Activity.Current?.SetTag("claim.description_length", request.Description.Length); // clean precision-about

        foreach (var photo in request.Photos)
        {
            await using var content = photo.OpenReadStream();
            await photos.UploadAsync($"{claimId}/{Guid.NewGuid():N}.jpg", content, cancellationToken);
        }

        logger.LogInformation("Photos received: {Files}", string.Join(", ", request.Photos.Select(p => p.FileName))); // leak TC1001 strings
        logger.LogInformation("Photos received: {Count}, {Bytes} bytes", request.Photos.Count, request.Photos.Sum(p => p.Length)); // clean precision-about

        var priorClaims = await plans.ClaimsInLastYearAsync(request.ConsoleSerial, cancellationToken);
        var referred = priorClaims >= RepeatClaimThreshold;
        if (referred)
        {
            span.AddCoverClaimReferredEvent($"{priorClaims + 1} claims in 12 months on one console", coverClaimId: claimId); // clean generated-api
            logger.LogCoverClaimReferredEvent($"repeat claims on console {request.ConsoleSerial} by {request.Gamertag}", coverClaimId: claimId); // leak TC1001 generated-api
        }

        var booking = await repairs.BookCollectionAsync(claimId, request.DamageKind, "GB", cancellationToken);
        Activity.Current?.SetTag("claim.repair_partner", booking.RepairPartnerId); // clean direct
        Activity.Current?.SetTag("claim.repair_depot", booking.Depot);
        logger.LogInformation("Collection booked {Date} with technician {Technician}", booking.CollectionDate, booking.TechnicianName); // leak TC1001 cross-member
        logger.LogDebug("Claim opened for damage '{Description}'", request.Description); // leak TC1001 direct

        return new ConsoleClaimOpened(claimId, booking.RepairPartnerId, referred);
    }
}

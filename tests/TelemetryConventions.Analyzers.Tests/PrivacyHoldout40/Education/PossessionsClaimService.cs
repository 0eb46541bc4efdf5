using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Education;

/// <summary>
/// Contents cover comes with every room in the university's halls; students claim for stolen or damaged
/// belongings from the residences portal, and the university's insurer settles.
/// </summary>
public sealed record PossessionsClaimForm(
    string StudentNumber,
    string Hall,
    string RoomReference,
    string ItemDescription,
    string? DeviceSerial,
    decimal ClaimedValue,
    string? CrimeReference,
    string ContactEmail,
    DateOnly LossDate);

public sealed class PossessionsClaim
{
    public required string ClaimId { get; init; }

    public required string StudentNumber { get; init; }

    public required string Hall { get; init; }

    public int EvidenceCount { get; set; }

    public DateTimeOffset OpenedAt { get; init; }
}

public sealed class PossessionsClaimNotFoundException(string claimId) : Exception($"Possessions claim {claimId} was not found");

public static class PossessionsClaimEndpoints
{
    public static EndpointRoutes MapPossessionsClaims(this EndpointRoutes routes)
    {
        routes.MapPost("/residences/claims", (PossessionsClaimForm form, PossessionsClaimService service, CancellationToken ct) => service.OpenAsync(form, ct));
        routes.MapPost("/residences/claims/{claimId}/evidence", (string claimId, IFormFile file, PossessionsClaimService service, CancellationToken ct) => service.AddEvidenceAsync(claimId, file, ct));
        return routes;
    }
}

public sealed class PossessionsClaimService(
    IDocumentStore<PossessionsClaim> claims,
    IBlobContainer evidence,
    IEmailSender mail,
    IClock clock,
    Pseudonymizer pseudonymizer,
    System.Diagnostics.Metrics.Meter meter,
    ILogger<PossessionsClaimService> logger)
{
    private const decimal Excess = 50m;

    public async Task<string> OpenAsync(PossessionsClaimForm form, CancellationToken cancellationToken)
    {
        var claimId = "RC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var span = Activity.Current.EnrichCoverClaim("possessions", CoverClaimStage.Fnol);
        span.SetCoverClaimId(claimId); // clean generated-api
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(form.StudentNumber)); // clean precision-pseudonym
        span.SetCoverExcessAmount((double)Excess);

        Activity.Current?.SetTag("residence.hall", form.Hall);
        Activity.Current?.SetTag("residence.room", form.RoomReference); // clean direct
        Activity.Current?.SetTag("residence.claim.device_serial", form.DeviceSerial); // leak TC1001 direct
        Activity.Current?.SetTag("residence.claim.value", (double)form.ClaimedValue);
        Activity.Current?.SetTag("residence.claim.has_crime_reference", form.CrimeReference is not null); // clean precision-about
        Activity.Current?.SetTag("residence.claim.days_to_report", (clock.UtcNow.Date - form.LossDate.ToDateTime(TimeOnly.MinValue)).Days);

        if (form.CrimeReference is null && form.ClaimedValue > 500m)
        {
            logger.LogInformation("Claim {ClaimId} over £500 opened without a crime reference; student {StudentNumber} will be asked for one", claimId, form.StudentNumber); // leak TC1001 direct
        }

        await claims.SaveAsync(claimId, new PossessionsClaim { ClaimId = claimId, StudentNumber = form.StudentNumber, Hall = form.Hall, OpenedAt = clock.UtcNow }, cancellationToken);
        await mail.SendAsync(form.ContactEmail, $"Your contents claim {claimId}", $"We have your claim for {form.ItemDescription}. The excess is £{Excess}.", cancellationToken);
        logger.LogDebug("Acknowledgement for {ClaimId} sent to {Recipient}", claimId, form.ContactEmail); // leak TC1001 direct

        meter.CreateCoverClaimsCounter().Add(1, "possessions", coverClaimStage: CoverClaimStage.Fnol, coverOutcome: "opened");
        return claimId;
    }

    public async Task<Uri> AddEvidenceAsync(string claimId, IFormFile file, CancellationToken cancellationToken)
    {
        var claim = await claims.FindAsync(claimId, cancellationToken)
            ?? throw new PossessionsClaimNotFoundException(claimId); // clean exceptions

        var blobName = $"{claim.Hall}/{claimId}/{Guid.NewGuid():N}{Path.GetExtension(file.FileName)}";
        await using var content = file.OpenReadStream();
        var uri = await evidence.UploadAsync(blobName, content, cancellationToken);
        claim.EvidenceCount++;
        await claims.SaveAsync(claimId, claim, cancellationToken);

        var span = new CoverClaimSpan(Activity.Current);
        span.SetCoverEvidenceCount(claim.EvidenceCount); // clean generated-api
        Activity.Current?.SetTag("residence.evidence.uri", uri.ToString()); // clean strings
        Activity.Current?.SetTag("residence.evidence.type", file.ContentType); // clean precision-about
        logger.LogInformation("Evidence {FileName} ({Length} bytes) added to claim {ClaimId}", file.FileName, file.Length, claimId); // leak TC1001 direct
        return uri;
    }
}

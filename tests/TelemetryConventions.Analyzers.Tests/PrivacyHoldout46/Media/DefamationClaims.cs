using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support.Legal;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Media;

/// <summary>A claim in defamation against the broadcaster over a programme.</summary>
public sealed record DefamationClaim(
    string MatterId,
    string ClaimantName,
    string ClaimantSolicitorEmail,
    string Programme,
    string EpisodeId,
    IReadOnlyList<string> ProductionTeamUpns,
    IReadOnlyList<string> RushesAssetIds);

/// <summary>A contributor's release form, scanned and filed by the production office.</summary>
public sealed record ReleaseForm(string ContributorForename, string ContributorSurname, string EpisodeId, byte[] Scan);

/// <summary>
/// Preserves what a defamation claim may need in disclosure: the rushes of the episode, the production
/// team's mail and chat, and the contributors' release forms, filed in the matter's workspace.
/// </summary>
public sealed class DefamationMatterService(
    ILogger<DefamationMatterService> logger,
    IEDiscoveryClient ediscovery,
    IMatterDocumentStore documents,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcaster.Legal");

    public async Task PreserveAsync(DefamationClaim claim, IReadOnlyList<ReleaseForm> releases, CancellationToken cancellationToken)
    {
        using var span = Source.StartLegalMatter("defamation");
        span.SetLegalMatterId(claim.MatterId); // clean direct
        Activity.Current?.SetTag("media.episode.id", claim.EpisodeId);
        logger.LogInformation("Defamation claim by {Claimant} over {Programme}", claim.ClaimantName, claim.Programme); // leak TC1001 direct
        logger.LogInformation("Correspondence on {MatterId} goes to {SolicitorEmail}", claim.MatterId, claim.ClaimantSolicitorEmail); // leak TC1001 direct
        Activity.Current?.SetTag(LegalAttributes.CustodianContact, pseudonymizer.ComputeLegalCustodianRef(claim.ClaimantSolicitorEmail)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Holding {Count} rushes of episode {EpisodeId}", claim.RushesAssetIds.Count, claim.EpisodeId); // clean precision-about

        var custodianIds = new List<string>();
        foreach (var upn in claim.ProductionTeamUpns)
        {
            var custodian = await ediscovery.AddCustodianAsync(claim.MatterId, upn, cancellationToken);
            custodianIds.Add(custodian.CustodianId);
            span.AddLegalHoldChangedEvent("custodian-added", pseudonymizer.PseudonymizeLegalCustodianRef(upn)); // clean precision-pseudonym
            logger.LogLegalHoldChangedEvent("custodian-added", legalNote: $"{custodian.DisplayName} added to {claim.MatterId}"); // leak TC1001 generated-api
        }

        var hold = await ediscovery.ApplyHoldAsync(claim.MatterId, custodianIds, cancellationToken);
        span.SetLegalExportItems(hold.MailboxesHeld + hold.SitesHeld); // clean precision-about

        foreach (var release in releases.Where(r => r.EpisodeId == claim.EpisodeId))
        {
            var fileName = $"{release.ContributorSurname}_{release.ContributorForename}_release.pdf";
            var filed = await documents.FileAsync(claim.MatterId, fileName, release.Scan, "production-office", cancellationToken);
            logger.LogInformation("Release form filed as {FileName} (v{Version})", filed.FileName, filed.Version); // leak TC1001 strings
            logger.LogInformation("Release form {DocumentId} filed in {WorkspaceId}", filed.DocumentId, filed.WorkspaceId); // clean direct
        }

        meter.CreateLegalExportsCounter().Add(1, "defamation", "preserved"); // clean generated-api
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Gaming;

public sealed record Creator(Guid CreatorId, string ChannelHandle, string LegalName, string Email, string? AgencyName, string? ManagerEmail, string Tier);

public sealed record CreatorDeal(Guid DealId, string Campaign, decimal Fee, int Videos, Creator Creator);

/// <summary>Negotiates and sends creator partnership contracts: versions are redlined with the creator's manager before signing.</summary>
public sealed class CreatorContractService(
    IDocumentVersionStore versions,
    IDocumentComparer comparer,
    IEnvelopesApi envelopes,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CreatorContractService> logger)
{
    private const string AccountId = "c8f1d2aa-creator-programme";
    private static readonly ActivitySource Source = new("Studio.CreatorProgramme");
    private readonly Counter<long> _redlines = meter.CreateCounter<long>("creator.contract.redlines");

    public async Task ReviewRedlinesAsync(CreatorDeal deal, string contractDocumentId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("creator.contract.redline");
        activity?.SetTag("creator.deal.id", deal.DealId.ToString()); // clean precision-names
        activity?.SetTag("creator.agency", deal.Creator.AgencyName); // clean precision-names

        var history = await versions.GetVersionsAsync(contractDocumentId, cancellationToken);
        if (history.Count < 2)
        {
            return;
        }

        var comparison = comparer.Compare(history[^2], history[^1]);
        activity?.SetTag("contract.version", comparison.Newer.Number); // clean precision-about
        activity?.SetTag("contract.insertions", comparison.Insertions); // clean precision-about
        activity?.SetTag("contract.last_editor", comparison.Newer.Author); // leak TC1001 direct
        _redlines.Add(comparison.Revisions.Count, new KeyValuePair<string, object?>("campaign", deal.Campaign), new KeyValuePair<string, object?>("creator.tier", deal.Creator.Tier)); // clean precision-names

        foreach (var revision in comparison.Revisions.Where(r => r.Kind != RevisionKind.Formatting))
        {
            logger.LogInformation("Clause {Clause} {Kind} in contract {Document}", revision.ClauseId, revision.Kind, contractDocumentId); // clean precision-names
            logger.LogDebug("Redline by {Author}: {Text}", revision.Author, revision.Text); // leak TC1001 direct
        }

        var authors = comparison.Revisions.Select(r => r.Author).Distinct().ToList();
        logger.LogInformation("Contract {Document} v{Version} edited by {Editors}", contractDocumentId, comparison.Newer.Number, authors); // leak TC1001 logging-objects
        logger.LogInformation("Contract {Document} v{Version} edited by {EditorCount} people", contractDocumentId, comparison.Newer.Number, authors.Count); // clean precision-about
    }

    public async Task<string> SendForSignatureAsync(CreatorDeal deal, byte[] finalPdf, CancellationToken cancellationToken)
    {
        var creator = deal.Creator;
        var definition = new EnvelopeDefinition
        {
            EmailSubject = $"{deal.Campaign}: partnership agreement for {creator.ChannelHandle}",
            Status = "sent",
            Documents = { new Document { Name = "Partnership agreement", DocumentBase64 = Convert.ToBase64String(finalPdf) } },
            Recipients = new Recipients
            {
                Signers = { new Signer { Email = creator.Email, Name = creator.LegalName, RoleName = "Creator" } },
                CarbonCopies = creator.ManagerEmail is null ? new() : new() { new CarbonCopy { Email = creator.ManagerEmail, Name = creator.AgencyName } },
            },
        };

        using var span = Source.StartEsignEnvelopeSend("docusign");
        span.SetEsignSignerId(pseudonymizer.PseudonymizeEsignSignerId(creator.CreatorId.ToString())); // clean precision-pseudonym
        span.SetEsignRecipientCount(definition.Recipients.Signers.Count + definition.Recipients.CarbonCopies.Count); // clean precision-about
        span.SetEsignNote(definition.EmailSubject); // leak TC1001 generated-api
        Activity.Current?.SetTag(EsignAttributes.SignerContact, pseudonymizer.ComputeEsignSignerId(creator.Email)); // leak TC1001 precision-pseudonym

        var summary = await envelopes.CreateEnvelopeAsync(AccountId, definition, cancellationToken);
        span.SetEsignEnvelopeId(summary.EnvelopeId);
        logger.LogInformation("Partnership agreement {EnvelopeId} sent for deal {DealId} ({Fee} for {Videos} videos)", summary.EnvelopeId, deal.DealId, deal.Fee, deal.Videos); // clean precision-about
        logger.LogInformation("Creator {CreatorId} has an agreement out for signature", creator.CreatorId); // leak TC1001 direct
        meter.CreateEsignEnvelopesCounter().Add(1, esignProvider: "docusign", esignEnvelopeStatus: summary.Status, esignOutcome: creator.ChannelHandle); // leak TC1003 generated-api
        return summary.EnvelopeId;
    }
}

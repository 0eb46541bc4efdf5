using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Support.Pdf;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Media;

public sealed record Talent(Guid TalentId, string GivenName, string FamilyName, string Email, string Phone, string HomeAddress, string? AgentEmail);

public sealed record ReleaseRequest(string ProductionId, string ShootDay, string ReleaseType, Talent Talent);

public static partial class ReleaseLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Release for {ProductionId} signed on set by {TalentName}")]
    public static partial void ReleaseSigned(ILogger logger, string productionId, string talentName);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Release for {ProductionId} sent to agent {AgentEmail}")]
    public static partial void SentToAgent(ILogger logger, string productionId, [PrivateData] string agentEmail);
}

/// <summary>Talent and appearance releases signed on set: the form is filled, then signed on the floor manager's tablet.</summary>
public sealed class TalentReleaseService(
    IPdfFormStore forms,
    IEnvelopesApi envelopes,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TalentReleaseService> logger)
{
    private const string AccountId = "a41b7e90-studio-releases";
    private static readonly ActivitySource Source = new("Studio.Releases");
    private readonly Counter<long> _releases = meter.CreateCounter<long>("releases.signed");
    private readonly Counter<long> _releasesPerTalent = meter.CreateCounter<long>("releases.signed.per_talent");

    public async Task<string> PrepareAsync(ReleaseRequest request, CancellationToken cancellationToken)
    {
        var talent = request.Talent;
        var talentName = $"{talent.GivenName} {talent.FamilyName}";
        using var render = Source.StartDocumentRender($"release-{request.ReleaseType}");
        render.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(talent.TalentId.ToString())); // clean precision-pseudonym

        using var form = await forms.OpenAsync($"release-{request.ReleaseType}", cancellationToken);
        form.GetField("talent_name").SetValue(talentName);
        form.GetField("address").SetValue(talent.HomeAddress);
        form.GetField("phone").SetValue(talent.Phone);
        form.GetField("production").SetValue(request.ProductionId);
        form.GetField("shoot_day").SetValue(request.ShootDay);
        var pdf = form.Flatten();
        render.SetDocumentPageCount(form.PageCount);
        render.SetDocumentNote($"{request.ReleaseType} release, day {request.ShootDay}"); // clean generated-api
        Activity.Current?.SetTag("release.pdf.sha256", Convert.ToHexString(SHA256.HashData(pdf))); // clean hashes

        var definition = new EnvelopeDefinition
        {
            EmailSubject = $"{request.ProductionId} {request.ReleaseType} release",
            Status = "sent",
            Documents = { new Document { Name = "Release", DocumentBase64 = Convert.ToBase64String(pdf) } },
            Recipients = new Recipients
            {
                Signers = { new Signer { Email = talent.Email, Name = talentName, ClientUserId = talent.TalentId.ToString(), RoleName = "Talent" } },
                CarbonCopies = talent.AgentEmail is null ? new() : new() { new CarbonCopy { Email = talent.AgentEmail, Name = "Agent" } },
            },
        };

        var summary = await envelopes.CreateEnvelopeAsync(AccountId, definition, cancellationToken);
        Activity.Current?.SetTag("release.envelope", summary.EnvelopeId);
        Activity.Current?.SetTag("release.talent.phone_country", talent.Phone[..3]); // clean precision-about
        logger.LogInformation("Release envelope {EnvelopeId} for production {ProductionId}, talent {TalentId}", summary.EnvelopeId, request.ProductionId, talent.TalentId); // leak TC1001 direct

        if (talent.AgentEmail is { } agentEmail)
        {
            ReleaseLog.SentToAgent(logger, request.ProductionId, agentEmail); // clean cross-member
        }

        var view = await envelopes.CreateRecipientViewAsync(AccountId, summary.EnvelopeId, new RecipientViewRequest
        {
            ClientUserId = talent.TalentId.ToString(),
            UserName = talentName,
            Email = talent.Email,
            ReturnUrl = $"https://releases.example-studio.tv/{request.ProductionId}/done",
        }, cancellationToken);

        logger.LogDebug("Signing link length {Length} for production {ProductionId}", view.Url.Length, request.ProductionId); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("release.signing.opened", tags: new ActivityTagsCollection { ["url"] = view.Url })); // leak TC1001 direct
        return summary.EnvelopeId;
    }

    /// <summary>The floor manager voids a release the talent will not sign, typing what the talent said.</summary>
    public async Task WithdrawAsync(ReleaseRequest request, string envelopeId, string typedReason, CancellationToken cancellationToken)
    {
        await envelopes.UpdateAsync(AccountId, envelopeId, new Envelope { Status = "voided", VoidedReason = typedReason }, cancellationToken);
        logger.LogInformation("Release envelope {EnvelopeId} for production {ProductionId} voided", envelopeId, request.ProductionId); // clean precision-names
        logger.LogInformation("Release withdrawn on set: {Reason}", typedReason); // leak TC1001 direct
        meter.CreateEsignEnvelopesCounter().Add(1, esignProvider: "docusign", esignEnvelopeStatus: "voided", esignOutcome: request.ReleaseType); // clean generated-api
    }

    public void Signed(ReleaseRequest request, TimeSpan onSet)
    {
        var talent = request.Talent;
        ReleaseLog.ReleaseSigned(logger, request.ProductionId, $"{talent.GivenName} {talent.FamilyName}"); // leak TC1001 cross-member
        _releases.Add(1, new KeyValuePair<string, object?>("production", request.ProductionId), new KeyValuePair<string, object?>("release.type", request.ReleaseType)); // clean precision-names
        _releasesPerTalent.Add(1, new KeyValuePair<string, object?>("talent", pseudonymizer.ComputeDocumentSubjectId(talent.TalentId.ToString()))); // leak TC1003 precision-pseudonym
        meter.CreateEsignTurnaroundHistogram().Record(onSet.TotalSeconds, esignProvider: "docusign", esignOutcome: $"signed-on-set:{request.ReleaseType}"); // clean generated-api
    }
}

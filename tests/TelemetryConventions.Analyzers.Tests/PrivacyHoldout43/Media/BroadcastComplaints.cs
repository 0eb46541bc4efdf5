using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout43.Telemetry;

namespace PrivacyHoldout43.Media;

/// <summary>A viewer's complaint about a programme, handled by the broadcaster's complaints unit.</summary>
public sealed record ViewerComplaint(
    string ComplaintId,
    string ProgrammeId,
    string ChannelId,
    string ComplainantName,
    string ComplainantEmail,
    string Category,
    string Text,
    DateTimeOffset BroadcastAt);

public sealed class EscalationRejectedException(string message) : Exception(message);

/// <summary>Passes a complaint to the broadcasting regulator when the complainant is not satisfied.</summary>
public sealed class RegulatorEscalation
{
    public Task EscalateAsync(ViewerComplaint complaint, bool complainantVerified, CancellationToken cancellationToken)
    {
        if (!complainantVerified)
        {
            throw new EscalationRejectedException($"Escalation of {complaint.ComplaintId} refused: {complaint.ComplainantEmail} has not confirmed their address");
        }

        return Task.CompletedTask;
    }
}

public sealed class ComplaintsUnit(
    RegulatorEscalation regulator,
    ActivitySource source,
    Meter meter,
    ILogger<ComplaintsUnit> logger,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _complaints = meter.CreateCounter<long>("complaints.received", "{complaint}");

    public void Receive(ViewerComplaint complaint)
    {
        var activity = Activity.Current;
        activity?.SetTag("complaint.programme_id", complaint.ProgrammeId); // clean direct
        activity?.SetTag("complaint.text_length", complaint.Text.Length); // clean precision-about
        _complaints.Add(1, new KeyValuePair<string, object?>("programme", complaint.ProgrammeId), new KeyValuePair<string, object?>("category", complaint.Category)); // clean direct

        // Campaigns send thousands of identical complaints; the fingerprint groups them by sender.
        var senderFingerprint = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(complaint.ComplainantEmail.ToLowerInvariant())));
        activity?.SetTag("complaint.sender_fingerprint", senderFingerprint); // leak TC1002 hashes

        // One complaint in ten is sampled for quality review.
        var sampled = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(complaint.ComplaintId))[0] < 26;
        activity?.SetTag("complaint.qa_sample", sampled); // clean hashes

        TagComplainant(activity, complaint.ComplainantEmail); // leak TC1001 cross-member
        logger.LogInformation("Complaint {ComplaintId} about {ProgrammeId}: {Text}", complaint.ComplaintId, complaint.ProgrammeId, complaint.Text); // leak TC1001 direct
    }

    public async Task EscalateAsync(ViewerComplaint complaint, bool verified, CancellationToken cancellationToken)
    {
        using var span = source.StartCaseworkCase("broadcast-complaint", spanName: "complaint.escalate");
        span.SetCaseworkCaseId(complaint.ComplaintId)
            .SetCaseworkStage("regulator");

        var summary = $"{complaint.ComplainantName} unhappy with stage 2 answer on {complaint.Category}";
        span.SetCaseworkNote(summary); // leak TC1001 generated-api

        try
        {
            await regulator.EscalateAsync(complaint, verified, cancellationToken);
        }
        catch (EscalationRejectedException ex)
        {
            logger.LogError(ex, "Escalation of complaint {ComplaintId} failed", complaint.ComplaintId); // leak TC1001 exceptions
        }
    }

    private static void TagComplainant(Activity? activity, string complainantEmail) =>
        activity?.SetTag("complaint.complainant", complainantEmail); // leak TC1001 direct
}

using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Healthcare;

/// <summary>
/// 2.2 Telemedicine platform: remote consultations over video, audio and chat, with the call's
/// media quality on the span and an audit record of each access to the patient's chart.
/// </summary>
/// <remarks>
/// Patient and doctor are required on the span and typed <see cref="Pseudonym"/>, so the call
/// cannot be started with a raw identifier. The media figures use the shared <c>video.*</c>
/// attributes of <c>conventions/common</c>, with units in the briefs instead of in the names.
/// </remarks>
public sealed class Telemedicine : IScenario
{
    // The third call drops when the patient's connection goes: a deterministic failure path.
    private const int DroppedCall = 2;

    /// <inheritdoc/>
    public string Id => "2.2";

    /// <inheritdoc/>
    public string Name => "telemedicine-platform";

    /// <inheritdoc/>
    public string Industry => "healthcare";

    /// <inheritdoc/>
    public string Summary => "Remote consultations with the call's bitrate, frame rate, latency and packet loss; one call drops when the patient's connection fails.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        ConsultationType[] types = [ConsultationType.Video, ConsultationType.Video, ConsultationType.Audio, ConsultationType.Chat];
        for (var call = 0; call < 4; call++)
        {
            SimulateCall(ctx, types[call], dropped: call == DroppedCall);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(1, 6)));
        }
    }

    private static void SimulateCall(ScenarioContext ctx, ConsultationType type, bool dropped)
    {
        var medicalRecordNumber = ctx.Random.Next(10_000_000, 99_999_999);
        var patient = ctx.Pseudonymize(PatientAttributes.Id, $"MRN-{medicalRecordNumber}");
        var doctor = ctx.Pseudonymize(DoctorAttributes.Id, $"DR-{ctx.Random.Next(1000, 9999)}");
        // A random per-call session id: a quasi-identifier the conventions allow as it is.
        var sessionId = $"tm-{ctx.Random.Next():x8}{ctx.Random.Next():x8}";

        using var call = ctx.Source.StartConsultationVideoCall(patient, doctor, type, startTime: ctx.Clock.Now)
            .SetSessionId(sessionId);
        using var ends = ctx.Clock.EndsSpan(call.Activity);
        // The doctor opens the patient's chart for the consultation: an audit record, under the call's trace.
        var record = ctx.Pseudonymize(MedicalRecordAttributes.Id, $"EMR-{medicalRecordNumber}");
        ctx.Logger.LogAuditMedicalRecordAccessEvent(doctor, AuditActorRole.Physician, AuditAction.Read, record, AuditOutcome.Success,
            patientId: patient, auditPurpose: AuditPurpose.Treatment);

        if (type is ConsultationType.Video or ConsultationType.Audio)
        {
            // Figures the media server reports for the whole call.
            var packetLoss = dropped ? ctx.Between(0.08, 0.15) : ctx.Between(0.0, 0.02);
            call.SetVideoLatency(ScenarioContext.Round(ctx.Between(60, dropped ? 600 : 220)))
                .SetVideoPacketLossRate(Math.Round(packetLoss, 4));
            if (type == ConsultationType.Video)
            {
                call.SetVideoBitrate(ctx.Pick([800L, 1500L, 2500L, 4500L]))
                    .SetVideoFrameRate(ctx.Pick([24.0, 29.97, 30.0]));
            }
        }

        try
        {
            Converse(ctx, dropped);
            // The consultation note goes into the chart once the call ends well.
            ctx.Logger.LogAuditMedicalRecordAccessEvent(doctor, AuditActorRole.Physician, AuditAction.Update, record, AuditOutcome.Success,
                patientId: patient, auditPurpose: AuditPurpose.Treatment);
        }
        catch (MediaConnectionLostException ex)
        {
            call.RecordException(ex, "media connection lost");
        }
    }

    private static void Converse(ScenarioContext ctx, bool dropped)
    {
        if (dropped)
        {
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(2, 5)));
            throw new MediaConnectionLostException("ICE connection failed after 3 consecutive keep-alive timeouts.");
        }
        ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(8, 20)));
    }
}

/// <summary>The media connection of a call was lost.</summary>
public sealed class MediaConnectionLostException(string message) : Exception(message);

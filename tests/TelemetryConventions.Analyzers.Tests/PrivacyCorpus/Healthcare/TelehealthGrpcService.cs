using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Healthcare;

public sealed record JoinCallRequest(string PatientMrn, string RoomCode, string ClientUserAgent, int SessionTimeoutSeconds);

public sealed record JoinCallReply(bool Admitted, string? Reason);

public sealed record CallParticipant(string Mrn, string DisplayName, string Role);

/// <summary>gRPC service that admits patients to telehealth video rooms.</summary>
public sealed class TelehealthService(Pseudonymizer pseudonymizer, ILogger<TelehealthService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Telehealth");
    private static readonly Meter Meter = new("Clinic.Telehealth");
    private static readonly Counter<long> Joins = Meter.CreateCounter<long>("clinic.telehealth.joins");
    private static readonly ClinicAppointmentsCounter Appointments = Meter.CreateClinicAppointmentsCounter();

    public Task<JoinCallReply> JoinCall(JoinCallRequest request, ServerCallContext context)
    {
        var (mrn, room) = ParseRequest(request);
        using var span = Source.StartClinicAppointment(pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, mrn), spanName: $"telehealth {mrn}"); // leak TC1001 generated-api
        span.SetClinicVisitKind(ClinicVisitKind.Telehealth); // clean generated-api
        span.SetClinicVisitKind(ClinicVisitKindValue.Custom(room)); // clean generated-api
        span.SetClinicVisitKind(ClinicVisitKindValue.Custom("telehealth-" + mrn)); // leak TC1001 generated-api
        span.Activity?.SetTag("user_agent.original", request.ClientUserAgent); // clean precision-names
        span.Activity?.SetTag("clinic.telehealth.session_timeout_s", request.SessionTimeoutSeconds); // clean precision-names

        var participant = new CallParticipant(mrn, "Patient", "patient");
        var anonymous = participant with { Mrn = "redacted" };
        logger.LogInformation("Participant joined {@Participant}", anonymous); // clean logging-objects
        var moved = participant with { Role = "observer" };
        logger.LogInformation("Participant moved {@Participant}", moved); // leak TC1001 cross-member

        Joins.Add(1, BuildJoinTags(mrn, room)); // leak TC1003 cross-member
        Joins.Add(1, new KeyValuePair<string, object?>("clinic.telehealth.room_kind", room.Length > 6 ? "group" : "single")); // clean precision-about
        Appointments.Add(1, clinicWard: mrn); // leak TC1003 generated-api

        if (!TryResolveGuardian(request, out var guardianEmail))
        {
            return Task.FromResult(new JoinCallReply(true, null));
        }

        span.AddClinicAppointmentRescheduledEvent($"guardian {guardianEmail} joined"); // leak TC1001 precision-names
        span.AddClinicAppointmentRescheduledEvent("guardian joined"); // clean generated-api
        return Task.FromResult(new JoinCallReply(true, "guardian present"));
    }

    private static (string Mrn, string Room) ParseRequest(JoinCallRequest request) => (request.PatientMrn.Trim(), request.RoomCode);

    private static TagList BuildJoinTags(string mrn, string room)
    {
        var tags = new TagList();
        tags.Add("clinic.telehealth.room", room);
        tags.Add("patient.mrn", mrn);
        return tags;
    }

    private static bool TryResolveGuardian(JoinCallRequest request, out string guardianEmail)
    {
        guardianEmail = request.PatientMrn.StartsWith('C') ? $"guardian.{request.PatientMrn}@family.example" : string.Empty;
        return guardianEmail.Length > 0;
    }

    public void EndCall(string mrn, TimeSpan duration, string? nationalInsuranceNumber)
    {
        var label = FormattableString.Invariant($"call of {mrn} lasted {duration.TotalMinutes:F1} min");
        Activity.Current?.AddEvent(new ActivityEvent("clinic.telehealth.ended", tags: new ActivityTagsCollection { { "summary", label } })); // leak TC1001 strings
        var summary = string.Format(CultureInfo.InvariantCulture, "call lasted {0:F1} min", duration.TotalMinutes);
        Activity.Current?.AddEvent(new ActivityEvent("clinic.telehealth.ended", tags: new ActivityTagsCollection { { "summary", summary } })); // clean strings
        var who = nationalInsuranceNumber ?? mrn;
        Activity.Current?.SetTag("clinic.telehealth.billing_ref", who); // leak TC1001 cross-member
        var pseudonym = Pseudonym.FromComputed(pseudonymizer.Compute(ClinicAttributes.PatientId, mrn));
        Activity.Current?.SetTag(ClinicAttributes.PatientId, pseudonym.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("clinic.telehealth.ni_present", nationalInsuranceNumber is not null); // clean precision-about
    }
}

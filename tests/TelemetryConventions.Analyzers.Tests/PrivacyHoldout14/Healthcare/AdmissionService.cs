using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Healthcare;

public abstract record ClinicalMessage(string HospitalNumber, string Ward) : IHasPatient
{
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}

public sealed record AdmitPatient(string HospitalNumber, string Ward, ClinicAcuity Acuity, string? GuardianPhone) : ClinicalMessage(HospitalNumber, Ward);

public sealed record TransferPatient(string HospitalNumber, string Ward, string ToWard, string Reason) : ClinicalMessage(HospitalNumber, Ward);

public sealed record DischargePatient(string HospitalNumber, string Ward, DateTimeOffset AdmittedAt, IReadOnlyList<string> OpenOrders) : ClinicalMessage(HospitalNumber, Ward);

/// <summary>What the ward log scope carries: the team logs it as a record.</summary>
public sealed record WardContext(string Ward, string HospitalNumber, string Site);

public sealed class AdmissionHandler(
    ILogger<AdmissionHandler> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptions<ClinicTelemetryOptions> options,
    TimeProvider clock) : IMessageHandler<ClinicalMessage>
{
    private readonly Counter<long> _readmissions = meter.CreateCounter<long>("clinic.readmissions", "{admission}");
    private readonly UpDownCounter<long> _occupiedBeds = meter.CreateUpDownCounter<long>("clinic.beds.occupied", "{bed}");
    private readonly ClinicTelemetryOptions _options = options.Value;

    public async Task HandleAsync(MessageContext<ClinicalMessage> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var started = clock.GetTimestamp();
        using var wardScope = logger.BeginWardScope(message.Ward, _options.SiteCode); // clean cross-member
        using var span = ClinicalTelemetry.Source.StartClinicAdmission(message.Ward, spanName: message.GetType().Name);
        span.SetClinicPatientId(pseudonymizer.PseudonymizeClinicPatientId(message.HospitalNumber)); // clean precision-pseudonym

        var (acuity, note) = message switch
        {
            AdmitPatient admit => (admit.Acuity, admit.GuardianPhone is null ? "no guardian on file" : "guardian to be called"),
            TransferPatient transfer => (ClinicAcuity.Medium, $"transfer to {transfer.ToWard}: {transfer.Reason}"),
            DischargePatient discharge => (ClinicAcuity.Low, $"{discharge.OpenOrders.Count} orders open at discharge"),
            _ => (ClinicAcuity.Low, message.GetType().Name),
        };
        span.SetClinicNote(note); // clean generated-api

        if (_options.RecordAcuity)
        {
            span.SetClinicAcuity(acuity);
        }

        switch (message)
        {
            case AdmitPatient admit:
                await AdmitAsync(admit, span, cancellationToken);
                break;
            case TransferPatient transfer:
                _occupiedBeds.Add(-1, ClinicalTelemetry.BedTags(transfer.Ward, acuity, isolation: false)); // clean cross-member
                logger.LogInformation("Transfer {Transfer}", transfer with { Reason = "(withheld)" }); // leak TC1001 logging-objects
                _occupiedBeds.Add(1, ClinicalTelemetry.BedTags(transfer.ToWard, acuity, isolation: false));
                break;
            case DischargePatient discharge:
                Discharge(discharge);
                break;
        }

        var elapsed = clock.GetElapsedTime(started);
        logger.AdmissionTimed(message.Ward, elapsed.TotalMilliseconds);
    }

    private Task AdmitAsync(AdmitPatient admit, ClinicAdmissionSpan span, CancellationToken cancellationToken)
    {
        Activity.Current.TagPatient(admit, pseudonymizer); // clean precision-pseudonym
        var bedLabel = string.Create(CultureInfo.InvariantCulture, stackalloc char[64], $"{admit.Ward}/{admit.HospitalNumber}");
        Activity.Current?.SetTag("clinic.bed.label", bedLabel); // leak TC1001 strings
        meter.CreateClinicAdmissionsCounter().Add(1, clinicWard: admit.Ward, clinicAcuity: admit.Acuity); // clean generated-api

        if (admit.GuardianPhone is { } phone)
        {
            span.SetClinicNote($"guardian {phone} to be called before transfer"); // leak TC1001 generated-api
            Activity.Current?.SetTag(ClinicAttributes.GuardianContact, pseudonymizer.Pseudonymize("clinic.guardian", phone).Value); // leak TC1001 generated-api
        }

        if (admit.Acuity == ClinicAcuity.High)
        {
            logger.LogClinicAlertEvent(admit.Ward, clinicNote: "high acuity admission", clinicPatientId: ((IHasPatient)admit).PatientRef(pseudonymizer)); // clean precision-pseudonym
        }

        var previous = admit with { Acuity = ClinicAcuity.Low };
        if (previous.At > DateTimeOffset.UtcNow.AddDays(-30))
        {
            _readmissions.Add(1, new TagList { { ClinicAttributes.Ward, admit.Ward }, { ClinicAttributes.PatientId, pseudonymizer.ComputeClinicPatientId(admit.HospitalNumber) } }); // leak TC1003 precision-pseudonym
        }

        _occupiedBeds.Add(1, ClinicalTelemetry.BedTags(admit.Ward, admit.Acuity, isolation: admit.Acuity == ClinicAcuity.High)); // clean cross-member
        return Task.CompletedTask;
    }

    private void Discharge(DischargePatient discharge)
    {
        var stay = clock.GetUtcNow() - discharge.AdmittedAt;
        Activity.Current.TagHospitalNumber(discharge.HospitalNumber); // leak TC1001 cross-member
        Activity.Current.TagOrders(discharge.OpenOrders); // clean precision-about

        using (logger.BeginScope(new WardContext(discharge.Ward, discharge.HospitalNumber, _options.SiteCode))) // leak TC1001 logging-objects
        {
            if (stay > _options.LongStay)
            {
                logger.LogInformation("Long stay discharge of {HospitalNumber} after {Days} days", discharge.HospitalNumber, (int)stay.TotalDays); // leak TC1001 direct
            }

            var orderSummary = discharge.OpenOrders.GroupBy(o => o.Split('-')[0]).Select(g => new { Department = g.Key, Open = g.Count() }).ToList();
            logger.LogInformation("Open orders at discharge {@Orders}", orderSummary); // clean logging-objects
        }

        _occupiedBeds.Add(-1, ClinicalTelemetry.BedTags(discharge.Ward, ClinicAcuity.Low, isolation: false));
    }
}

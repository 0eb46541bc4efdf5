using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;

namespace PrivacyHoldout43.Gaming;

/// <summary>
/// An application to the council for a gaming machine permit (a family entertainment centre, a pub
/// with more than two machines). The premises licence belongs to the business; the personal licence
/// and the criminal records certificate belong to the applicant.
/// </summary>
public sealed record PermitApplication(
    string ApplicationReference,
    string PermitType,
    string PremisesLicenceNumber,
    string PremisesName,
    string ApplicantName,
    string ApplicantPersonalLicenceNumber,
    string DbsCertificateNumber,
    int MachineCount,
    string Ward);

/// <summary>A resident's objection to a permit. A record, so it prints its members.</summary>
public sealed record PermitObjection(string ApplicationReference, string ObjectorName, string ObjectorAddress, string Grounds);

public sealed class GamingPermitService(
    IPaymentPlatform payments,
    ActivitySource source,
    Meter meter,
    ILogger<GamingPermitService> logger)
{
    private readonly Counter<long> _objections = meter.CreateCounter<long>("licensing.permit.objections", "{objection}");

    public async Task<string> ApplyAsync(PermitApplication application, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("permit.reference", application.ApplicationReference); // clean direct
        activity?.SetTag("permit.premises_licence", application.PremisesLicenceNumber); // clean direct
        activity?.SetTag("permit.personal_licence", application.ApplicantPersonalLicenceNumber); // leak TC1001 direct
        logger.LogInformation("Permit {Reference}: {Machines} machines at {Premises} ({Ward})", application.ApplicationReference, application.MachineCount, application.PremisesName, application.Ward); // clean direct
        logger.LogDebug("DBS certificate {Certificate} checked for {Applicant}", application.DbsCertificateNumber, application.ApplicantName); // leak TC1001 direct

        var payment = await payments.CreatePaymentAsync(new CreatePaymentRequest(30000, application.ApplicationReference, "Gaming machine permit fee", "https://licensing.example.gov.uk/permits/return", null), cancellationToken);
        activity?.SetTag("permit.fee.payment_id", payment.PaymentId); // clean direct
        return payment.PaymentId;
    }

    public async Task ConfirmFeeAsync(string paymentId, CancellationToken cancellationToken)
    {
        var payment = await payments.GetPaymentAsync(paymentId, cancellationToken);
        logger.LogInformation("Permit fee {Reference} {State}, card ending {LastDigits}", payment.Reference, payment.State, payment.CardDetails?.LastDigitsCardNumber); // clean precision-about
        Activity.Current?.SetTag("permit.fee.cardholder", payment.CardDetails?.CardholderName); // leak TC1001 cross-member
    }

    public void Object(PermitApplication application, PermitObjection objection)
    {
        _objections.Add(1, new KeyValuePair<string, object?>("permit_type", application.PermitType), new KeyValuePair<string, object?>("ward", application.Ward)); // clean precision-about
        logger.LogInformation("Objection to {Reference}: {@Objection}", objection.ApplicationReference, objection); // leak TC1001 logging-objects
    }

    public void Grant(PermitApplication application)
    {
        using var span = source.StartCaseworkCase("gaming-machine-permit", spanName: "licensing.permit.grant");
        span.SetCaseworkNote($"{application.MachineCount} machines granted at {application.PremisesName}"); // clean generated-api
        meter.CreateCaseworkDecisionsCounter().Add(1, "gaming-machine-permit", "granted"); // clean generated-api
    }
}

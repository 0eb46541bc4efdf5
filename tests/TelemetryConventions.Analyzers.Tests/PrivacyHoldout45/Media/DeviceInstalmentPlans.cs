using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.Bureau;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Media;

// New subscribers can take the streaming box or a television on a 24-month instalment plan added to
// their monthly bill. The sign-up service quotes with a soft search, and on acceptance runs the hard
// search and writes the fixed-sum credit agreement.

public sealed record DeviceFinanceRequest(
    Guid SubscriberId,
    string Email,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    BureauAddress Address,
    string DeviceSku,
    decimal CashPrice,
    int Months,
    string BillingRef,
    string? OverrideBy);

/// <summary>A credit agreement; its number is generated when the agreement is written.</summary>
public sealed record CreditAgreement(string AgreementNumber, Guid SubscriberId, string DeviceSku, decimal CreditLimit, decimal MonthlyPayment, string Status);

public interface ICreditAgreements
{
    Task<CreditAgreement> WriteAsync(DeviceFinanceRequest request, decimal monthlyPayment, CancellationToken cancellationToken);
}

public static class AgreementTelemetry
{
    public static void TagAgreement(Activity? activity, string agreementNumber, string status)
    {
        activity?.SetTag("finance.agreement.number", agreementNumber); // clean precision-about
        activity?.SetTag("finance.agreement.status", status);
    }
}

public sealed class DeviceFinanceService(
    ICreditBureauClient bureau,
    ICreditAgreements agreements,
    IClock clock,
    ActivitySource source,
    Meter meter,
    ILogger<DeviceFinanceService> logger)
{
    public async Task<CreditAgreement?> AcceptAsync(DeviceFinanceRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartLendingApplication("device-instalments");
        // BillingRef comes from the old billing platform, which filled it with the subscriber's account
        // number on accounts opened before its 2021 migration and with a pseudonym since.
        span.SetLendingBorrowerId(Pseudonym.FromComputed(request.BillingRef)); // leak TC1001 precision-pseudonym
        span.SetLendingAmount((double)request.CashPrice); // clean precision-about
        span.SetLendingInstalmentCount(request.Months); // clean precision-about
        Activity.Current?.SetTag("finance.device.sku", request.DeviceSku); // clean precision-about

        CreditReport report;
        try
        {
            report = await bureau.SearchAsync(new CreditSearchRequest(request.GivenName, request.FamilyName, request.DateOfBirth, request.Address, SearchType.Hard, "fixed-sum-credit"), cancellationToken);
        }
        catch (BureauException ex) when (ex.Code == BureauErrorCodes.InvalidRequest)
        {
            logger.LogError(ex, "Bureau refused the search request"); // clean exceptions
            return null;
        }

        var age = Ages.On(request.DateOfBirth, clock.Today);
        logger.LogInformation("Hard search {SearchReference} for subscriber {SubscriberId}: band {ScoreBand}, age {Age}", report.SearchReference, request.SubscriberId, report.ScoreBand, age); // leak TC1001 direct

        if ((report.HasCountyCourtJudgment || report.Score < 560) && request.OverrideBy is null)
        {
            span.SetLendingDecision(LendingDecision.Decline);
            span.AddLendingCheckCompletedEvent(LendingDecision.Decline, lendingNote: string.Join(",", report.ReasonCodes)); // clean generated-api
            meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: "device-instalments", lendingDecision: LendingDecision.Decline); // clean generated-api
            return null;
        }

        var monthly = Math.Round(request.CashPrice / request.Months, 2);
        var agreement = await agreements.WriteAsync(request, monthly, cancellationToken);
        AgreementTelemetry.TagAgreement(Activity.Current, agreement.AgreementNumber, agreement.Status); // clean cross-member
        logger.LogInformation("Agreement written: {Agreement}", agreement); // leak TC1001 logging-objects
        logger.LogInformation("Agreement {AgreementNumber} with credit limit {CreditLimit} for {Email}", agreement.AgreementNumber, agreement.CreditLimit, request.Email); // leak TC1001 direct
        span.SetLendingDecision(LendingDecision.Approve);
        span.SetLendingNote($"agreement {agreement.AgreementNumber}, {request.Months} x {monthly}"); // clean generated-api
        if (request.OverrideBy is { } underwriterStaffNumber)
        {
            // An underwriter approved a plan the scorecard declined.
            meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: "device-instalments", lendingDecision: LendingDecisionValue.Custom($"override:{underwriterStaffNumber}")); // leak TC1003 generated-api
        }
        else
        {
            meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: "device-instalments", lendingDecision: LendingDecision.Approve); // clean generated-api
        }

        return agreement;
    }
}

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.Bureau;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Healthcare;

// Patient finance at a private dental and fertility clinic: the patient asks to spread the cost of a
// treatment plan over 6 to 36 months; the clinic's finance desk runs a quotation (soft) search with
// the credit bureau, then an affordability check, and refers or approves.

public sealed record FinanceApplicationForm(
    string HospitalNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string Email,
    string Mobile,
    BureauAddress HomeAddress,
    string TreatmentPlanId,
    string TreatmentCode,
    string Site,
    decimal Amount,
    int Months);

public sealed record FinanceQuote(string TreatmentPlanId, LendingDecision Decision, decimal MonthlyPayment, string? ReferralReason);

[ApiController]
[Route("finance/applications")]
public sealed class TreatmentFinanceController(
    ICreditBureauClient bureau,
    Pseudonymizer pseudonymizer,
    IClock clock,
    Meter meter,
    ILogger<TreatmentFinanceController> logger) : ControllerBase
{
    private const decimal MinimumDisposableIncome = 150m;

    [HttpPost]
    public async Task<ActionResult> Apply([FromBody] FinanceApplicationForm form, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichLendingApplication("treatment-finance");
        span.SetLendingBorrowerId(pseudonymizer.PseudonymizeLendingBorrowerId(form.HospitalNumber)); // clean precision-pseudonym
        span.SetLendingAmount((double)form.Amount); // clean precision-about
        Activity.Current?.SetTag("clinic.treatment.code", form.TreatmentCode); // clean precision-about
        Activity.Current?.SetTag("clinic.patient.age", Ages.On(form.DateOfBirth, clock.Today)); // clean precision-about

        logger.LogInformation("Finance application for plan {TreatmentPlanId} at {Site}: {Amount} over {Months} months", form.TreatmentPlanId, form.Site, form.Amount, form.Months); // clean precision-about

        CreditReport report;
        try
        {
            report = await bureau.SearchAsync(
                new CreditSearchRequest(form.GivenName, form.FamilyName, form.DateOfBirth, form.HomeAddress, SearchType.Soft, "quotation"),
                cancellationToken);
        }
        catch (BureauException ex) when (ex.Code == BureauErrorCodes.NoMatch)
        {
            logger.LogWarning(ex, "Bureau could not match the applicant for plan {TreatmentPlanId}", form.TreatmentPlanId); // leak TC1001 exceptions
            return Ok(new FinanceQuote(form.TreatmentPlanId, LendingDecision.Refer, 0m, "no-bureau-match"));
        }
        catch (BureauException ex) when (ex.Code == BureauErrorCodes.ServiceUnavailable)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return Ok(new FinanceQuote(form.TreatmentPlanId, LendingDecision.Refer, 0m, "bureau-unavailable"));
        }

        Activity.Current?.SetTag("bureau.search.reference", report.SearchReference); // clean precision-about
        Activity.Current?.SetTag("bureau.consumer.id", report.ConsumerId); // leak TC1001 direct
        span.AddLendingCheckCompletedEvent(LendingDecision.Approve, lendingNote: $"score band {report.ScoreBand}, {report.ActiveAccounts} active accounts"); // clean generated-api

        if (!report.ElectoralRollMatch)
        {
            span.AddLendingCheckCompletedEvent(LendingDecision.Refer, lendingNote: $"no electoral roll match for {form.FamilyName} at {form.HomeAddress.Postcode}"); // leak TC1001 generated-api
        }

        var affordability = await bureau.CheckAffordabilityAsync(report.SearchReference, cancellationToken);
        var monthly = Math.Round(form.Amount / form.Months, 2);
        var decision = affordability.DisposableIncome - monthly >= MinimumDisposableIncome && !report.HasCountyCourtJudgment
            ? LendingDecision.Approve
            : LendingDecision.Refer;

        logger.LogInformation("Affordability for {SearchReference}: income {Income}, commitments {Commitments}, confidence {Confidence}", affordability.SearchReference, affordability.VerifiedMonthlyIncome, affordability.MonthlyCommitments, affordability.Confidence); // clean precision-about

        if (decision == LendingDecision.Refer)
        {
            logger.LogInformation("Referred applicant {GivenName} {FamilyName} born {DateOfBirth}", form.GivenName, form.FamilyName, form.DateOfBirth); // leak TC1001 direct
        }

        if (report.ReasonCodes.Count > 0)
        {
            var reasons = string.Join(",", report.ReasonCodes.Take(4));
            logger.LogDebug("Bureau reason codes for plan {TreatmentPlanId}: {Reasons}", form.TreatmentPlanId, reasons); // clean precision-about
        }

        span.SetLendingDecision(decision);
        meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: "treatment-finance", lendingDecision: decision); // clean generated-api
        return Ok(new FinanceQuote(form.TreatmentPlanId, decision, monthly, decision == LendingDecision.Refer ? "affordability" : null));
    }
}

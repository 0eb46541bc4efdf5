using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.Bureau;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Retail;

// The department store's credit card: a shopper applies in store on a tablet or online, the card
// platform checks identity and address history with the bureau, sets a credit limit and opens the
// account; the card is posted and the first purchase can be made at once with the card number shown
// in the app.

public sealed record StoreCardApplication(
    string ApplicationId,
    string CustomerNumber,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string Email,
    string MobileNumber,
    BureauAddress CurrentAddress,
    BureauAddress? PreviousAddress,
    string EmploymentStatus,
    decimal AnnualIncome,
    string StoreId);

public sealed record StoreCardAccount(string AccountId, string CardNumber, decimal CreditLimit, decimal Apr);

public interface IStoreCardPlatform
{
    Task<StoreCardAccount> OpenAsync(StoreCardApplication application, decimal creditLimit, CancellationToken cancellationToken);
}

public sealed class AddressHistoryException(string postcode, int monthsAtAddress)
    : Exception($"Only {monthsAtAddress} months at {postcode} and no previous address given");

public sealed class StoreCardApplicationHandler(
    ICreditBureauClient bureau,
    IStoreCardPlatform platform,
    IRedactorProvider redactors,
    IClock clock,
    ILogger<StoreCardApplicationHandler> logger)
{
    private static readonly DiagnosticListener Diagnostics = new("Retail.StoreCard");

    public async Task<StoreCardAccount?> HandleAsync(StoreCardApplication application, int monthsAtAddress, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("storecard.application.id", application.ApplicationId); // clean precision-about
        activity?.SetTag("storecard.store.id", application.StoreId); // clean precision-about
        activity?.SetTag("storecard.applicant.employment_status", application.EmploymentStatus); // clean precision-names
        activity?.SetTag("storecard.applicant.age", Ages.On(application.DateOfBirth, clock.Today)); // clean precision-about

        var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
        logger.LogInformation("Store card application from customer {Customer}", redactor.Redact(application.CustomerNumber)); // clean precision-pseudonym

        try
        {
            EnsureAddressHistory(application, monthsAtAddress);
        }
        catch (AddressHistoryException ex)
        {
            logger.LogWarning(ex, "Application {ApplicationId} needs an address history", application.ApplicationId); // leak TC1001 exceptions
            Trace.TraceWarning("Store card application {0} for customer {1} parked", application.ApplicationId, application.CustomerNumber); // leak TC1001 direct
            return null;
        }

        var report = await bureau.SearchAsync(new CreditSearchRequest(application.GivenName, application.FamilyName, application.DateOfBirth, application.CurrentAddress, SearchType.Hard, "credit-card"), cancellationToken);
        var limit = report.Score switch
        {
            >= 880 => 3000m,
            >= 720 => 1200m,
            >= 600 => 500m,
            _ => 0m,
        };

        // The card platform's support team asked for the application without the email in its logs.
        logger.LogInformation("Scored application {Application}", application with { Email = "(withheld)" }); // leak TC1001 logging-objects

        if (limit == 0m)
        {
            Diagnostics.Write("StoreCard.Declined", new { application.ApplicationId, report.ScoreBand, report.ReasonCodes }); // clean logging-objects
            return null;
        }

        var account = await platform.OpenAsync(application, limit, cancellationToken);
        activity?.SetTag("storecard.credit_limit", (double)account.CreditLimit); // clean precision-about
        activity?.SetTag("storecard.card.last4", account.CardNumber[^4..]); // clean precision-about
        Diagnostics.Write("StoreCard.Opened", new { account.AccountId, account.CardNumber, account.CreditLimit }); // leak TC1001 logging-objects
        logger.LogInformation("Store card {CardNumber} opened with limit {Limit}", account.CardNumber, account.CreditLimit); // leak TC1001 direct
        return account;
    }

    private static void EnsureAddressHistory(StoreCardApplication application, int monthsAtAddress)
    {
        if (monthsAtAddress < 36 && application.PreviousAddress is null)
        {
            throw new AddressHistoryException(application.CurrentAddress.Postcode, monthsAtAddress);
        }
    }
}

namespace PrivacyHoldout144.Healthcare;

/// <summary>
/// The staff library's circulation desk and self-service kiosk: staff borrow with their library card, place holds
/// on titles at another site and borrow e-books through the platform the trust licenses.
/// </summary>
public sealed class StaffLibraryLoanService(
    ILendingService lending,
    IPatronDirectory patrons,
    IEbookPlatform platform,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<StaffLibraryLoanService> logger)
{
    private const string Branch = "staff-library-main";

    private readonly Counter<long> _issues = meter.CreateCounter<long>("medlib.issues");
    private string? _lastBlockedCard;
    private string? _lastRenewedLoanId;

    public async Task<LoanReceipt?> CheckOutAsync(string cardNumber, string itemBarcode, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("staff-library.checkout");
        activity?.SetTag("medlib.item.barcode", itemBarcode); // clean precision-names

        var patron = await patrons.FindByCardAsync(cardNumber, cancellationToken);
        if (patron is null)
        {
            return null;
        }

        activity?.SetTag("medlib.patron.category", patron.Category); // clean precision-about
        activity?.SetTag("medlib.patron.home_branch", patron.HomeBranch); // clean precision-about

        if (patron.Status == "blocked")
        {
            _lastBlockedCard = cardNumber;
            var blocked = new CardBlockedException(cardNumber, "lost-card");
            activity?.SetStatus(ActivityStatusCode.Error, blocked.Message); // leak TC1001 exceptions
            activity?.SetTag("medlib.block.reason", blocked.ReasonCode); // clean exceptions
            return null;
        }

        try
        {
            var receipt = await lending.CheckOutAsync(cardNumber, itemBarcode, cancellationToken);
            logger.LogInformation("Issued {Receipt}", receipt); // clean logging-objects
            Activity.Current.EnrichMedlibOperation(Branch).SetMedlibPatronId(pseudonymizer.PseudonymizeMedlibPatronId(cardNumber)); // clean precision-pseudonym
            _issues.Add(1, new TagList { { "medlib.patron", pseudonymizer.ComputeMedlibPatronId(cardNumber) } }); // leak TC1003 precision-pseudonym
            _issues.Add(1, new TagList { { "medlib.patron.category", patron.Category }, { "medlib.branch", Branch } }); // clean precision-about
            return receipt;
        }
        catch (LoanLimitReachedException ex)
        {
            logger.LogInformation(ex, "Loan limit reached at the desk"); // clean exceptions
            return null;
        }
        catch (FinesOutstandingException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("medlib.fines.amount", ex.Amount); // clean exceptions
            return null;
        }
    }

    public async Task<Hold> PlaceHoldAsync(string cardNumber, string titleId, string pickupBranch, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("staff-library.hold");
        var hold = await lending.PlaceHoldAsync(cardNumber, titleId, pickupBranch, cancellationToken);
        logger.LogInformation("Hold placed: {@Hold}", hold); // leak TC1001 logging-objects
        activity?.SetTag("medlib.hold.id", hold.HoldId); // clean precision-names
        activity?.SetTag("medlib.hold.position", hold.QueuePosition); // clean precision-about

        var queue = await lending.HoldQueueAsync(titleId, cancellationToken);
        activity?.SetTag("medlib.hold.queue_length", queue.Count); // clean precision-about
        logger.LogDebug("Hold queue for {TitleId}: {Cards}", titleId, string.Join(",", queue.Select(h => h.CardNumber))); // leak TC1001 strings
        logger.LogDebug("Hold queue for {TitleId} collects at {Branches}", titleId, string.Join(",", queue.Select(h => h.PickupBranch).Distinct())); // clean strings
        return hold;
    }

    public async Task<EbookLoan?> BorrowEbookAsync(string cardNumber, string titleId, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("staff-library.ebook");
        try
        {
            var ebook = await platform.CheckoutAsync(cardNumber, titleId, cancellationToken);
            logger.LogInformation("E-book loan {LoanId} of {TitleId} on {Platform} until {Expiry}", ebook.LoanId, ebook.TitleId, ebook.Platform, ebook.ExpiresAt); // clean precision-names
            logger.LogDebug("E-book loan {Loan}", ebook); // leak TC1001 logging-objects

            var bucket = (cardNumber.GetHashCode() & 0x7fffffff) % 32;
            activity?.SetTag("medlib.ebook.bucket", bucket); // leak TC1002 hashes
            return ebook;
        }
        catch (EbookLicenceExhaustedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            var licence = await platform.LicenceAsync(titleId, cancellationToken);
            logger.LogInformation("Licence state: {Licence}", licence); // clean logging-objects
            return null;
        }
    }

    public async Task<LoanReceipt> RenewAsync(string loanId, CancellationToken cancellationToken)
    {
        _lastRenewedLoanId = loanId;
        return await lending.RenewAsync(loanId, cancellationToken);
    }

    public void ReportDesk()
    {
        using var activity = source.StartActivity("staff-library.desk-report");
        activity?.SetTag("medlib.loan.last_renewed", _lastRenewedLoanId); // clean cross-member
        logger.LogWarning("Last blocked card presented at the desk: {Card}", _lastBlockedCard); // leak TC1001 cross-member
    }
}

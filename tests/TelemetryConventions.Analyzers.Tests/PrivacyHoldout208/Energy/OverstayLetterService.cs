namespace PrivacyHoldout208.Energy;

/// <summary>Asks the DVLA for the keeper of an overstaying car and writes the letter; payments of overstay charges.</summary>
public sealed class OverstayLetterService(
    IDvlaKeeperEnquiry dvla,
    ILetterPrinter printer,
    IPaymentGateway payments,
    ILogger<OverstayLetterService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.ChargingBays.Letters");

    private KeeperDetails? _lastKeeper;
    private string _lastPaymentId = string.Empty;

    public async Task SendAsync(PenaltyChargeNotice notice, CancellationToken ct)
    {
        using var activity = Source.StartActivity("baywatch.letter");
        activity?.SetTag("baywatch.pcn", notice.PcnNumber); // clean precision-names
        try
        {
            var keeper = await dvla.KeeperAtDateAsync(notice.Vrm, notice.IssuedAt, ct);
            _lastKeeper = keeper;
            await printer.SendNoticeToKeeperAsync(keeper, notice, ct);
            activity?.SetTag("baywatch.keeper.company", keeper.IsCompany); // clean precision-about
        }
        catch (KeeperNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("baywatch.failure", nameof(KeeperNotFoundException)); // clean exceptions
        }
        catch (DvlaUnavailableException ex)
        {
            logger.LogWarning(ex, "DVLA returned {Status} for {PcnNumber}", ex.StatusCode, notice.PcnNumber); // clean exceptions
            activity?.SetTag("exception.message", ex.Message); // clean exceptions
        }
    }

    public async Task PayAsync(PenaltyChargeNotice notice, string cardToken, CancellationToken ct)
    {
        using var activity = Source.StartActivity("baywatch.payment");
        try
        {
            _lastPaymentId = await payments.TakeAsync(notice.PcnNumber, notice.Amount, cardToken, ct);
            activity?.SetTag("baywatch.payment.amount", notice.Amount); // clean precision-about
        }
        catch (PaymentDeclinedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Payment declined with {Code}", ex.ResponseCode); // clean exceptions
        }
    }

    /// <summary>The support page's diagnostics.</summary>
    public void Describe(Activity? activity)
    {
        activity?.SetTag("baywatch.last.keeper", _lastKeeper?.KeeperName); // leak TC1001 cross-member
        activity?.SetTag("baywatch.last.keeper_postcode", _lastKeeper?.Postcode); // leak TC1001 cross-member
        activity?.SetTag("baywatch.last.payment", _lastPaymentId); // clean cross-member
        logger.LogInformation("Last keeper {Keeper}", _lastKeeper); // leak TC1001 cross-member
    }
}

namespace PrivacyHoldout217.Energy;

public sealed record RoomTopUp(string TopUpId, string ResidentId, string PayerName, string PayerPhone, decimal Amount, string CardLastFour);

/// <summary>Families top up the electricity of a resident's room equipment (air mattress, hoist charger).</summary>
public sealed class FeeTopUpService(ActivitySource source, Meter meter, ILogger<FeeTopUpService> logger)
{
    private readonly Counter<double> _topUps = meter.CreateCounter<double>("warmroom.topups", "GBP");
    private string _lastPayerPhone = string.Empty;

    public void Accept(RoomTopUp topUp)
    {
        _lastPayerPhone = topUp.PayerPhone;
        using var activity = source.StartActivity("topup.accept");
        activity?.SetTag("topup.id", topUp.TopUpId); // clean precision-names
        activity?.SetTag("topup.card_last_four", topUp.CardLastFour); // clean precision-about
        activity?.SetTag("topup.payer", topUp.PayerName); // leak TC1001 direct
        _topUps.Add((double)topUp.Amount, new KeyValuePair<string, object?>("payer", topUp.PayerPhone)); // leak TC1003 direct
        logger.LogInformation("Top-up {TopUp}", topUp); // leak TC1001 logging-objects
        logger.LogInformation("Top-up for {ResidentId}: {Amount}", topUp.ResidentId, topUp.Amount); // leak TC1001 direct
    }

    public void Confirm(string topUpId)
    {
        logger.LogInformation("Top-up {TopUpId} confirmed by text to {Phone}", topUpId, _lastPayerPhone); // leak TC1001 cross-member
        Activity.Current?.SetTag("topup.receipt", string.Format("{0}:{1}", topUpId, _lastPayerPhone)); // leak TC1001 strings
    }
}

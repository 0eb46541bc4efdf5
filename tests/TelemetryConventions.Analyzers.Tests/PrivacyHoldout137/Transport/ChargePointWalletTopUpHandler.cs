namespace PrivacyHoldout137.Transport;

/// <summary>A smartcard holder topping up the card's wallet to pay at the council's public charge points.</summary>
public sealed record WalletTopUp(string SmartcardNumber, Guid RiderId, string Email, decimal Amount, string ChargePointId, string Channel);

public sealed class WalletSuspendedException(string smartcardNumber)
    : Exception($"Wallet on smartcard {smartcardNumber} is suspended")
{
    public string SmartcardNumber { get; } = smartcardNumber;
}

/// <summary>
/// The transport authority's smartcard wallet, also accepted at its public EV charge points: tops the wallet
/// up and records which charge point the credit was bought for.
/// </summary>
public sealed class ChargePointWalletTopUpHandler(Pseudonymizer pseudonymizer, ILogger<ChargePointWalletTopUpHandler> logger)
{
    private static readonly ActivitySource Source = new("Transport.Smartcard.ChargeWallet");
    private static readonly Meter Meter = new("Transport.Smartcard.ChargeWallet");
    private static readonly PrepayVendsCounter Vends = Meter.CreatePrepayVendsCounter();

    public void Handle(WalletTopUp topUp, WalletSuspendedException? suspended)
    {
        var rider = pseudonymizer.PseudonymizePrepayAccountId(topUp.RiderId.ToString());
        using var span = Source.StartPrepayVend(topUp.Channel).SetPrepayAccountId(rider).SetPrepayAmount((double)topUp.Amount); // clean precision-pseudonym
        span.Activity?.SetTag("charge_point.id", topUp.ChargePointId); // clean precision-names
        span.Activity?.SetTag("smartcard.number", topUp.SmartcardNumber); // leak TC1001 direct
        span.Activity?.SetBaggage("rider", rider.Value); // clean precision-pseudonym
        span.SetPrepayNote($"Topped up {topUp.SmartcardNumber} for {topUp.ChargePointId}"); // leak TC1001 generated-api

        if (suspended is not null)
        {
            span.SetPrepayOutcome("declined").SetStatus(ActivityStatusCode.Error, suspended.Message); // leak TC1001 exceptions
            Vends.Add(1, topUp.Channel, "suspended"); // clean generated-api
            return;
        }

        Vends.Add(1, topUp.Channel, rider.Value); // leak TC1003 precision-pseudonym
        logger.LogInformation("Wallet top-up {TopUp}", topUp); // leak TC1001 logging-objects
    }
}

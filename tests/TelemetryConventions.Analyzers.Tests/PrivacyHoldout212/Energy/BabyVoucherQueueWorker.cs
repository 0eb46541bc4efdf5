namespace PrivacyHoldout212.Energy;

/// <summary>A baby-product voucher the supplier posts to a household on the priority services register.</summary>
public sealed record VoucherDispatch(string VoucherId, string AccountNumber, string HolderName, string Postcode, string MeterSerial, decimal Value, string Retailer);

/// <summary>Sends the voucher and books a free car seat fitting at a partner retailer.</summary>
public sealed partial class BabyVoucherQueueWorker(
    IQueueReceiver<VoucherDispatch> queue,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BabyVoucherQueueWorker> logger) : BackgroundService
{
    private VoucherDispatch? _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatch = await queue.ReceiveAsync(stoppingToken);
            if (dispatch is null)
            {
                continue;
            }

            _inFlight = dispatch;
            Send(dispatch);
            Audit();
        }
    }

    private void Send(VoucherDispatch dispatch)
    {
        using var op = source.StartHomeplusOperation(dispatch.Postcode[..2]);
        op.SetHomeplusKind("voucher"); // clean generated-api
        op.SetHomeplusClientId(pseudonymizer.PseudonymizeHomeplusClientId(dispatch.AccountNumber)); // clean generated-api
        op.SetHomeplusProduct(dispatch.MeterSerial); // leak TC1001 generated-api
        op.SetHomeplusNote($"voucher {dispatch.VoucherId} via {dispatch.Retailer}"); // clean generated-api
        Activity.Current?.SetTag("voucher.id", dispatch.VoucherId); // clean precision-names
        Activity.Current?.SetTag("voucher.value", dispatch.Value); // clean precision-about
        Activity.Current?.SetTag("voucher.retailer", dispatch.Retailer); // clean precision-about
        Activity.Current?.SetTag("voucher.postcode", dispatch.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("voucher.postcode.area", dispatch.Postcode[..2]); // clean precision-about
        Activity.Current?.SetTag("voucher.meter.serial", dispatch.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("voucher.meterSerialFormat", "ELEC-14"); // clean precision-names
        logger.LogInformation("Voucher {VoucherId} worth {Value} to {Retailer}", dispatch.VoucherId, dispatch.Value, dispatch.Retailer); // clean precision-names
        logger.LogInformation("Voucher for {Holder} at {Postcode}", dispatch.HolderName, dispatch.Postcode); // leak TC1001 direct
        logger.LogInformation("Voucher {@Dispatch}", dispatch with { HolderName = "", Postcode = "", MeterSerial = "", AccountNumber = "" }); // clean logging-objects
        logger.LogInformation("Voucher {@Dispatch}", dispatch); // leak TC1001 logging-objects
        LogPosted(logger, dispatch.VoucherId, dispatch.HolderName, dispatch.Postcode); // clean logging-objects
        LogPostedPlain(logger, dispatch.VoucherId, dispatch.AccountNumber); // leak TC1001 logging-objects
        meter.CreateHomeplusOperationsCounter().Add(1, dispatch.Postcode[..2], "posted"); // clean generated-api
        meter.CreateHomeplusOperationsCounter().Add(1, dispatch.Postcode, "posted"); // leak TC1003 generated-api
    }

    private void Audit()
    {
        if (_inFlight is null)
        {
            return;
        }

        Activity.Current?.SetTag("voucher.audit.account", _inFlight.AccountNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("voucher.audit.voucher", _inFlight.VoucherId); // clean cross-member
        Activity.Current?.SetTag("voucher.audit.account.pseudonym", pseudonymizer.ComputeHomeplusClientId(_inFlight.AccountNumber)); // clean precision-pseudonym
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher {VoucherId} posted to {Holder} at {Postcode}")]
    private static partial void LogPosted(ILogger logger, string voucherId, [PrivateData] string holder, [PrivateData] string postcode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher {VoucherId} for account {AccountNumber}")]
    private static partial void LogPostedPlain(ILogger logger, string voucherId, string accountNumber);
}

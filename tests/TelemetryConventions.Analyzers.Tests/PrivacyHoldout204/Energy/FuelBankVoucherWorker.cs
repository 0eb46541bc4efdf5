namespace PrivacyHoldout204.Energy;

public sealed record FuelVoucherMessage(string AccountNumber, string MeterSerial, string FoodbankCode, decimal Credit, string? VendCode, string CustomerEmail);

/// <summary>A supplier's fuel bank: foodbanks issue fuel vouchers to prepayment customers; the supplier credits the meter.
/// The topic is keyed by the customer's account number.</summary>
public sealed class FuelBankVoucherWorker(
    IConsumer<string, FuelVoucherMessage> consumer,
    Pseudonymizer pseudonymizer,
    CharityOptions options,
    ILogger<FuelBankVoucherWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.FuelBank");
    private static readonly Meter Meter = new("Supplier.FuelBank");
    private readonly Counter<long> _credits = Meter.CreateCounter<long>("fuelbank.credits");
    private readonly Histogram<double> _creditValue = Meter.CreateHistogram<double>("fuelbank.credit.value", "GBP");
    private string? _currentAccount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            await HandleAsync(result, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(ConsumeResult<string, FuelVoucherMessage> result, CancellationToken ct)
    {
        using var activity = Source.StartActivity("fuelbank.voucher.consume", ActivityKind.Consumer);
        var message = result.Message.Value;
        _currentAccount = result.Message.Key;
        activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
        activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
        activity?.SetTag("foodbank.code", message.FoodbankCode); // clean precision-names
        activity?.SetTag("meter.serial", message.MeterSerial); // leak TC1001 direct
        activity?.SetTag("credit.amount", (double)message.Credit); // clean precision-about
        activity?.SetTag("vend.code_present", message.VendCode is not null); // clean precision-about
        activity?.SetTag("vend.code", message.VendCode); // leak TC1001 direct
        activity?.SetTag("customer.email_domain", message.CustomerEmail[(message.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about

        var household = pseudonymizer.Pseudonymize(Spaces.Client, message.AccountNumber);
        activity?.SetTag("household.pseudonym", household.Value); // clean precision-pseudonym
        activity?.AddBaggage("household.pseudonym", household.Value); // clean precision-pseudonym
        _credits.Add(1, new KeyValuePair<string, object?>("foodbank", message.FoodbankCode)); // clean precision-names
        _credits.Add(1, new KeyValuePair<string, object?>("account", message.AccountNumber)); // leak TC1003 direct
        _creditValue.Record((double)message.Credit, new KeyValuePair<string, object?>("household", household.Value)); // leak TC1003 precision-pseudonym

        using var op = Source.StartFuelbankOperation(message.FoodbankCode).SetFuelbankClientId(household).SetFuelbankScheme("fuel-voucher"); // clean generated-api
        op.SetFuelbankNote($"credit {message.Credit:0.00} from {message.FoodbankCode}"); // clean generated-api
        op.SetFuelbankNote($"credit for meter {message.MeterSerial}"); // leak TC1001 generated-api

        logger.LogInformation("Fuel voucher {@Voucher}", message); // leak TC1001 logging-objects
        logger.LogInformation("Fuel voucher {@Voucher}", message with { CustomerEmail = "", VendCode = null }); // leak TC1001 logging-objects
        logger.LogInformation("Fuel voucher {@Voucher}", new { message.FoodbankCode, message.Credit, HasVend = message.VendCode is not null }); // clean logging-objects
        logger.LogInformation("Crediting account ending {Last4}", message.AccountNumber[^2..]); // clean precision-about
        LogCredit();
        meter.CreateFuelbankOperationsCounter().Add(1, message.FoodbankCode, "credited"); // clean generated-api
    }

    private void LogCredit()
    {
        Activity.Current?.SetTag("customer.account", _currentAccount); // leak TC1001 cross-member
        Activity.Current?.SetTag("customer.account_known", _currentAccount is not null); // clean precision-about
        var bucket = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(_currentAccount ?? ""))) % 8;
        Activity.Current?.SetTag("customer.cohort", bucket); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(_currentAccount ?? ""));
        Activity.Current?.SetTag("customer.shard", keyed[0] % 8); // clean hashes
    }

    private Meter meter => Meter;
}

public sealed record CrisisGrantMessage(CrisisGrantApplication Application, string AccountHolderEmail, string Mpan);

/// <summary>The supplier's hardship fund: crisis grants paid to customers referred by foodbanks, read from a queue.</summary>
public sealed partial class CrisisGrantWorker(
    IQueueReceiver<CrisisGrantMessage> queue,
    GrantPaymentsGateway payments,
    Pseudonymizer pseudonymizer,
    CharityOptions options,
    ILogger<CrisisGrantWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.HardshipFund");
    private static readonly Meter Meter = new("Supplier.HardshipFund");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } message)
        {
            var app = message.Application;
            using var activity = Source.StartActivity("crisis-grant.pay");
            activity?.SetTag("grant.application_id", app.ApplicationId); // clean precision-names
            activity?.SetTag("grant.fund_code", options.GrantFundCode); // clean precision-names
            activity?.SetTag("applicant.ni_number", app.NationalInsuranceNumber); // leak TC1001 direct
            activity?.SetTag("bank.sort_code", app.SortCode); // clean precision-about
            activity?.SetTag("bank.account_number", app.AccountNumber); // leak TC1001 direct
            activity?.SetTag("supply.mpan", message.Mpan); // leak TC1001 direct
            activity?.SetTag("grant.reason", app.Reason); // leak TC1001 direct
            activity?.SetTag("grant.reason_length", app.Reason.Length); // clean precision-about

            using var op = Source.StartFuelbankOperation("hardship").SetFuelbankScheme("crisis-grant").SetFuelbankClientId(pseudonymizer.Pseudonymize(Spaces.Client, app.NationalInsuranceNumber)); // clean generated-api
            try
            {
                var reference = await payments.PayAsync(app.SortCode, app.AccountNumber, app.Amount, stoppingToken);
                activity?.SetTag("payment.bacs_reference", reference); // clean precision-names
                var decision = new GrantDecision(app.ApplicationId, "paid", app.Amount, options.GrantFundCode);
                logger.LogInformation("Grant decided {@Decision}", decision); // clean logging-objects
                logger.LogInformation("Grant paid {@Application}", app); // leak TC1001 logging-objects
                LogGrantPaid(logger, app.ApplicantName, app.AccountNumber, app.Amount); // clean logging-objects
            }
            catch (GrantPaymentRejectedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogError(ex, "Grant payment rejected: {Reason}", ex.Message); // leak TC1001 exceptions
                op.RecordException(ex).SetFuelbankOutcome("rejected"); // clean generated-api
                logger.LogFuelbankOperationFailedEvent("hardship", "rejected", fuelbankNote: ex.Message); // leak TC1001 generated-api
            }
            catch (GrantFundExhaustedException ex)
            {
                activity?.AddException(ex); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogFuelbankOperationFailedEvent("hardship", "fund-exhausted", fuelbankNote: ex.Message); // clean generated-api
            }

            Meter.CreateFuelbankOperationDurationHistogram().Record(2.5, "hardship"); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Grant paid to {ApplicantName}, account {AccountNumber}, amount {Amount}")]
    private static partial void LogGrantPaid(ILogger logger, [PrivateData] string applicantName, [PrivateData] string accountNumber, decimal amount);
}

namespace PrivacyHoldout196.Energy;

/// <summary>Pays the agency's fuel element of carers' allowances into their energy accounts, and refunds by BACS.</summary>
public sealed partial class AllowanceTopUpWorker(
    IQueueReceiver<AllowancePayment> queue,
    IAllowanceGateway gateway,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AllowanceTopUpWorker> logger) : BackgroundService
{
    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("topup.amount", "GBP");
    private AllowancePayment? _lastRejected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var payment = await queue.ReceiveAsync(stoppingToken);
            if (payment is null)
            {
                continue;
            }

            using var activity = source.StartActivity("topup.pay");
            activity?.SetTag("topup.payment.id", payment.PaymentId); // clean precision-names
            activity?.SetTag("topup.band", payment.Band); // clean precision-about
            activity?.SetTag("topup.amount", (double)payment.Amount); // clean precision-about
            activity?.SetTag("topup.sort_code", payment.SortCode); // clean precision-about
            activity?.SetTag("topup.account.last2", payment.AccountNumber[^2..]); // clean precision-about
            activity?.SetTag("topup.payee", payment.PayeeName); // leak TC1001 direct
            activity?.SetTag("topup.carer", pseudonymizer.PseudonymizeWarmfosterCarerId(payment.CarerId).Value); // clean precision-pseudonym

            _amounts.Record((double)payment.Amount, new KeyValuePair<string, object?>("band", payment.Band)); // clean precision-about

            TopUpStarted(logger, payment.PaymentId, payment.AccountNumber); // clean logging-objects
            TopUpStartedUnclassified(logger, payment.PaymentId, payment.PayeeName); // leak TC1001 logging-objects

            try
            {
                var reference = await gateway.PayAsync(payment, stoppingToken);
                activity?.SetTag("topup.bacs.reference", reference); // clean precision-names
            }
            catch (AllowanceRejectedException ex)
            {
                _lastRejected = payment;
                activity?.SetStatus(ActivityStatusCode.Error, "allowance rejected by bank"); // clean exceptions
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarningRejected(ex.Message); // leak TC1001 exceptions
                logger.LogWarmfosterOperationFailedEvent("topup", "rejected", warmfosterCarerId: pseudonymizer.PseudonymizeWarmfosterCarerId(payment.CarerId), warmfosterNote: ex.GetType().Name); // clean generated-api
            }
        }
    }

    public void ReportLastRejection()
    {
        if (_lastRejected is { } rejected)
        {
            logger.LogInformation("Last rejected allowance {PaymentId} of {Amount}", rejected.PaymentId, rejected.Amount); // clean cross-member
            logger.LogInformation("Last rejected allowance to {Account}", rejected.AccountNumber); // leak TC1001 cross-member
            logger.LogInformation("Last rejected {Payment}", rejected); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Top-up {PaymentId} to account {AccountNumber}")]
    private static partial void TopUpStarted(ILogger logger, string paymentId, [PrivateData] string accountNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Top-up {PaymentId} to {PayeeName}")]
    private static partial void TopUpStartedUnclassified(ILogger logger, string paymentId, string payeeName);
}

internal static partial class AllowanceLogs
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Allowance rejected: {Reason}")]
    public static partial void LogWarningRejected(this ILogger logger, string reason);
}

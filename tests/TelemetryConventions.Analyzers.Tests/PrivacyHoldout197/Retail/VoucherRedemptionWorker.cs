namespace PrivacyHoldout197.Retail;

public sealed record VoucherRedeemed(string VoucherCode, string OrderNumber, string LearnerName, string LearnerLicenceNumber, string InstructorAdi, int LessonsLeft);

/// <summary>Takes voucher redemptions reported by instructors off the queue.</summary>
public sealed class VoucherRedemptionWorker(IQueueReceiver<VoucherRedeemed> queue, ILogger<VoucherRedemptionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.VoucherRedemptions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var redeemed = await queue.ReceiveAsync(stoppingToken);
            if (redeemed is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("voucher.redeemed");
            activity?.SetTag("voucher.order", redeemed.OrderNumber); // clean precision-names
            activity?.SetTag("voucher.lessons_left", redeemed.LessonsLeft); // clean precision-about
            activity?.SetTag("voucher.instructor", redeemed.InstructorAdi); // leak TC1001 direct
            activity?.SetTag("voucher.learner_licence", redeemed.LearnerLicenceNumber); // leak TC1001 direct
            logger.LogInformation("Voucher redeemed {@Redemption}", redeemed); // leak TC1001 logging-objects
            logger.LogInformation("Voucher redeemed by {Learner}, {Left} lessons left", redeemed.LearnerName, redeemed.LessonsLeft); // leak TC1001 direct
            if (redeemed.LessonsLeft < 0)
            {
                var ex = new InstructorSuspendedException(redeemed.InstructorAdi);
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Redemption refused for voucher {Voucher}", redeemed.VoucherCode); // leak TC1001 exceptions
            }
        }
    }
}

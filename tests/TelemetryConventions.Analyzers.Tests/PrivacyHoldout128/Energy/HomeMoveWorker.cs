namespace PrivacyHoldout128.Energy;

public interface IHomeMoveQueue
{
    Task<HomeMove?> NextAsync(CancellationToken cancellationToken);
}

public interface IBillingSystem
{
    Task<decimal> FinalBillAsync(string accountNumber, int closingReading, CancellationToken cancellationToken);

    Task MoveSupplyAsync(string accountNumber, string newPostcode, DateOnly from, CancellationToken cancellationToken);
}

public sealed class MoveRejectedException(string accountNumber, string postcode)
    : Exception($"Account {accountNumber}: no supply at {postcode}")
{
    public string Postcode { get; } = postcode;
}

/// <summary>Closes the old home's account and moves the household's supply to the new address.</summary>
public sealed partial class HomeMoveWorker(
    IHomeMoveQueue queue,
    IBillingSystem billing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HomeMoveWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.HomeMoves");
    private static readonly Meter Meter = new("Supplier.HomeMoves");
    private static readonly Histogram<double> FinalBills = Meter.CreateHistogram<double>("supplier.move.final_bill", "GBP");
    private static readonly Counter<long> Moves = Meter.CreateCounter<long>("supplier.moves");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.NextAsync(stoppingToken) is { } move)
        {
            using var span = Source.StartHomeenergyHouseholdChange("home-move");
            using var scope = logger.BeginScope("Move for account {AccountNumber}", move.AccountNumber); // leak TC1001 logging-objects
            var district = move.NewPostcode.Split(' ')[0];
            span.SetHomeenergyRegion(district); // clean precision-about
            span.SetHomeenergyHouseholdId(pseudonymizer.PseudonymizeHomeenergyHouseholdId(move.AccountNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("move.date", move.MoveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
            Activity.Current?.SetTag("move.new_postcode", move.NewPostcode); // leak TC1001 direct
            Activity.Current?.SetTag("move.new_home_supplied", move.NewHomeSupplied); // clean precision-about

            var finalBill = await billing.FinalBillAsync(move.AccountNumber, move.ClosingReading, stoppingToken);
            FinalBills.Record((double)finalBill, new KeyValuePair<string, object?>("district", district)); // clean precision-about
            Activity.Current?.SetTag("move.closing_reading", move.ClosingReading); // clean precision-about

            try
            {
                await billing.MoveSupplyAsync(move.AccountNumber, move.NewPostcode, move.MoveDate, stoppingToken);
                Moves.Add(1, new KeyValuePair<string, object?>("outcome", "moved"), new KeyValuePair<string, object?>("supplied", move.NewHomeSupplied)); // clean precision-names
                logger.LogInformation("Move done {Move}", move); // leak TC1001 logging-objects
            }
            catch (MoveRejectedException ex)
            {
                span.RecordException(ex); // clean exceptions
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("No supply in {District}", ex.Postcode.Split(' ')[0]); // clean precision-about
                Moves.Add(1, new KeyValuePair<string, object?>("postcode", ex.Postcode)); // leak TC1003 cross-member
            }

            var partition = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(move.AccountNumber)))[..6];
            Activity.Current?.SetTag("move.partition", partition); // leak TC1002 hashes
            Activity.Current?.SetTag("move.lane", KeyedDigest.Shard(secrets.ShardKey, move.AccountNumber, 8)); // clean hashes
        }
    }
}

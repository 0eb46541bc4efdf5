namespace PrivacyHoldout164.Retail;

public sealed record TillScan(Guid BasketId, string TillId, string Store, string CardNumber, string CardHolderName, decimal Total, IReadOnlyList<string> Skus);

public interface ICardDirectory
{
    Task<string?> StudentNumberForCardAsync(string cardNumber, CancellationToken cancellationToken = default);
}

/// <summary>At the union store's tills, a scanned student card gives the members' discount.</summary>
public sealed class StudentCardDiscountHandler(
    ICardDirectory directory,
    IStudentRecords records,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StudentCardDiscountHandler> logger)
{
    private static readonly ActivitySource Source = new("StudentsUnion.Store.Tills");
    private static readonly Meter Meter = new("StudentsUnion.Store.Tills");
    private static readonly Counter<long> Discounts = Meter.CreateCounter<long>("till.discounts");
    private readonly CampusstoreRequestsCounter _requests = Meter.CreateCampusstoreRequestsCounter();

    public async Task<decimal> ApplyAsync(TillScan scan, string colleagueStaffNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampusstoreOperation(scan.Store);
        span.SetCampusstoreStaffId(pseudonymizer.PseudonymizeCampusstoreStaffId(colleagueStaffNumber)); // clean generated-api
        span.SetCampusstoreItemCount(scan.Skus.Count); // clean generated-api
        Activity.Current?.SetTag("till.id", scan.TillId); // clean precision-names
        Activity.Current?.SetTag("till.basket", scan.BasketId); // clean precision-names
        Activity.Current?.SetTag("till.skus", string.Join(",", scan.Skus)); // clean strings
        Activity.Current?.SetTag("till.card", scan.CardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("till.card_last4", scan.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("till.colleague", colleagueStaffNumber); // leak TC1001 direct

        var studentNumber = await directory.StudentNumberForCardAsync(scan.CardNumber, cancellationToken);
        if (studentNumber is null)
        {
            logger.LogInformation("Card not recognised at {Till}, holder {Holder}", scan.TillId, scan.CardHolderName); // leak TC1001 direct
            _requests.Add(1, scan.Store, "card-unknown"); // clean generated-api
            return scan.Total;
        }

        try
        {
            var student = await records.FindAsync(studentNumber, cancellationToken) ?? throw new StudentNotFoundException(studentNumber);
            logger.LogInformation("Discount for a {Programme} student", student.Programme); // clean precision-about
        }
        catch (StudentNotFoundException ex)
        {
            logger.LogCampusstoreOperationFailedEvent(scan.Store, "record-missing", pseudonymizer.PseudonymizeCampusstoreStudentId(studentNumber), ex.Message); // leak TC1001 exceptions
            return scan.Total;
        }
        catch (RecordSystemUnavailableException ex)
        {
            logger.LogCampusstoreOperationFailedEvent(scan.Store, "records-down", default, ex.Message); // clean exceptions
            return scan.Total;
        }

        var discounted = Math.Round(scan.Total * 0.9m, 2);
        var sample = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] < 26;
        Activity.Current?.SetTag("till.sampled", sample); // clean hashes
        var loyaltyKey = HashCode.Combine(studentNumber, scan.Store);
        Activity.Current?.SetTag("till.loyalty_key", loyaltyKey); // leak TC1002 hashes
        Discounts.Add(1, new KeyValuePair<string, object?>("store", scan.Store), new KeyValuePair<string, object?>("till", scan.TillId)); // clean direct
        Discounts.Add(1, new KeyValuePair<string, object?>("store", scan.Store), new KeyValuePair<string, object?>("card", scan.CardNumber)); // leak TC1003 direct
        return discounted;
    }
}

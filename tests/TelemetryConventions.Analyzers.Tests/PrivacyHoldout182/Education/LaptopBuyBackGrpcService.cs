namespace PrivacyHoldout182.Education;

public sealed record QuoteLaptopRequest(string StudentNumber, string LaptopSerial, string Model, string Grade);

public sealed record QuoteLaptopReply(string QuoteId, decimal Offer);

/// <summary>The campus kiosks' gRPC service: laptop quotes and buy-backs, with the stolen-laptop check.</summary>
public sealed partial class LaptopBuyBackGrpcService(IStolenGoodsRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LaptopBuyBackGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Campus.BuyBack");
    private static readonly Meter CampusMeter = new("Campus.BuyBack");
    private static readonly Counter<long> Quotes = CampusMeter.CreateCounter<long>("campus.buyback.quotes");
    private readonly CampusbuybackOperationDurationHistogram duration = CampusMeter.CreateCampusbuybackOperationDurationHistogram();

    public Task<QuoteLaptopReply> Quote(QuoteLaptopRequest request, ServerCallContext context)
    {
        using var span = Source.StartCampusbuybackOperation("library-kiosk");
        span.SetCampusbuybackSellerId(pseudonymizer.PseudonymizeCampusbuybackSellerId(request.StudentNumber)); // clean precision-pseudonym
        span.SetCampusbuybackNote($"Quote for {request.Model} graded {request.Grade}"); // clean generated-api
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        span.Activity?.SetTag("campus.student", request.StudentNumber); // leak TC1001 direct
        span.Activity?.SetTag("campus.laptop.serial", request.LaptopSerial); // leak TC1001 direct
        span.Activity?.SetTag("campus.laptop.model", request.Model); // clean precision-names
        var quote = new TradeInQuote(Guid.NewGuid().ToString("N"), "laptop", request.Model, request.Grade, 180m);
        logger.LogInformation("Quoted {Quote}", quote); // clean logging-objects
        Quotes.Add(1, new KeyValuePair<string, object?>("model", request.Model), new KeyValuePair<string, object?>("grade", request.Grade)); // clean precision-names
        Quotes.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeCampusbuybackSellerId(request.StudentNumber).Value)); // leak TC1003 precision-pseudonym
        duration.Record(0.4, "library-kiosk"); // clean generated-api
        return Task.FromResult(new QuoteLaptopReply(quote.QuoteId, quote.Offer));
    }

    public async Task<QuoteLaptopReply> Sell(LaptopBuyBack buyBack, ServerCallContext context)
    {
        using var activity = Source.StartActivity("campus.laptop.sell");
        var result = await register.CheckAsync(new RegisterCheck(Guid.NewGuid().ToString("N"), buyBack.LaptopSerial, "immobilise"), context.CancellationToken);
        activity?.SetTag("campus.register.outcome", result.Outcome); // clean precision-names
        if (result.Matches > 0)
        {
            var error = new RpcException("FailedPrecondition", $"Laptop {buyBack.LaptopSerial} of student {buyBack.StudentNumber} is flagged");
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            activity?.SetTag("rpc.grpc.status", error.Status); // clean exceptions
            logger.LogError(error, "Sell refused"); // leak TC1001 exceptions
            throw error;
        }

        activity?.SetTag("campus.student.email_domain", buyBack.StudentEmail[(buyBack.StudentEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("campus.student.email", buyBack.StudentEmail); // leak TC1001 direct
        activity?.SetTag("campus.student.name", buyBack.StudentName); // leak TC1001 direct
        activity?.SetTag("campus.laptop.fingerprint", BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(buyBack.LaptopSerial)), 0, 8)); // leak TC1002 hashes
        activity?.SetTag("campus.laptop.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(buyBack.LaptopSerial))[0] % 32); // clean hashes
        logger.LogInformation("Laptop sold {@BuyBack}", buyBack); // leak TC1001 logging-objects
        LaptopSold(logger, buyBack.Model, buyBack.StudentEmail); // clean precision-names
        LaptopSoldPlain(logger, buyBack.Model, buyBack.StudentEmail); // leak TC1001 direct
        return new QuoteLaptopReply(Guid.NewGuid().ToString("N"), buyBack.Offer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} sold; receipt to {Email}")]
    private static partial void LaptopSold(ILogger logger, string model, [PrivateData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model} sold; receipt emailed to {Email}")]
    private static partial void LaptopSoldPlain(ILogger logger, string model, string email);
}

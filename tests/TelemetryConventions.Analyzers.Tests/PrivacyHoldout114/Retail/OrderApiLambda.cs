namespace PrivacyHoldout114.Retail;

public sealed record CartLine(string Sku, int Quantity, decimal Price);

public sealed record PlaceOrder(string CustomerNumber, string Email, string Postcode, IReadOnlyList<CartLine> Lines, string StoreId);

public sealed class CustomerNotFoundException(string customerNumber) : Exception($"No customer {customerNumber}");

/// <summary>The order API (/customers/{customerNumber}/orders): API Gateway proxy integration in front of one Lambda.</summary>
public sealed class OrderApiLambda(Pseudonymizer pseudonymizer, ILogger<OrderApiLambda> logger, IAmazonSQS sqs)
{
    private static readonly ActivitySource Source = new("Retailer.Orders.Lambda");
    private static readonly Meter Meter = new("Retailer.Orders.Lambda");
    private static readonly OrderfnInvocationsCounter Invocations = Meter.CreateOrderfnInvocationsCounter();
    private static readonly OrderfnDurationHistogram Duration = Meter.CreateOrderfnDurationHistogram();
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("orderfn.api.requests");

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartOrderfnInvoke(context.FunctionName, "http");
        span.Activity?.SetTag("http.route", request.Resource); // clean precision-names
        span.Activity?.SetTag("url.path", request.Path); // leak TC1001 strings
        span.Activity?.SetTag("aws.request_id", request.RequestContext.RequestId); // clean precision-names
        span.Activity?.SetTag("client.address", request.RequestContext.Identity.SourceIp); // leak TC1001 direct
        span.Activity?.SetTag("user_agent.original", request.RequestContext.Identity.UserAgent); // clean precision-names
        var sub = request.RequestContext.Authorizer.Claims["sub"];
        var email = request.RequestContext.Authorizer.Claims["email"];
        span.SetOrderfnCustomerId(pseudonymizer.PseudonymizeOrderfnCustomerId(sub)); // clean precision-pseudonym
        context.Logger.LogInformation("Request {RequestId} on stage {Stage}", request.RequestContext.RequestId, request.RequestContext.Stage); // clean precision-names
        context.Logger.LogInformation("Caller {Email}", email); // leak TC1001 direct
        context.Logger.LogInformation("Caller domain {Domain}", email.Split('@').Last()); // clean precision-about
        context.Logger.LogInformation("Query {Query}", string.Join("&", (request.QueryStringParameters ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}"))); // leak TC1001 strings
        context.Logger.LogInformation("Query keys {Keys}", string.Join(",", (request.QueryStringParameters ?? new Dictionary<string, string>()).Keys)); // clean strings
        Requests.Add(1, new KeyValuePair<string, object?>("route", request.Resource), new KeyValuePair<string, object?>("method", request.HttpMethod)); // clean precision-about
        Requests.Add(1, new KeyValuePair<string, object?>("customer", request.PathParameters?["customerNumber"])); // leak TC1003 direct

        try
        {
            var order = JsonSerializer.Deserialize<PlaceOrder>(request.Body ?? "{}")!;
            context.Logger.LogInformation("Order for store {StoreId} with {Lines} lines worth {Total}", order.StoreId, order.Lines.Count, order.Lines.Sum(l => l.Price * l.Quantity)); // clean precision-about
            context.Logger.LogInformation("Order body {Body}", request.Body!); // leak TC1001 cross-member
            context.Logger.LogInformation("Order {@Order}", order); // leak TC1001 logging-objects
            context.Logger.LogInformation("Order lines {@Lines}", order.Lines); // clean logging-objects
            span.SetOrderfnStore(order.StoreId).SetOrderfnNote($"postcode district {order.Postcode.Split(' ')[0]}"); // clean generated-api
            await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo", MessageBody = request.Body!, MessageGroupId = order.CustomerNumber });
            Invocations.Add(1, context.FunctionName, "http", "accepted"); // clean generated-api
            return new APIGatewayProxyResponse { StatusCode = 202 };
        }
        catch (CustomerNotFoundException ex)
        {
            context.Logger.LogWarning(ex.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, nameof(CustomerNotFoundException)); // clean exceptions
            return new APIGatewayProxyResponse { StatusCode = 404 };
        }
        catch (JsonException ex)
        {
            context.Logger.LogWarning("Malformed order body: {Error}", ex.Message); // clean exceptions
            return new APIGatewayProxyResponse { StatusCode = 400 };
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, context.FunctionName, "http"); // clean generated-api
        }
    }
}

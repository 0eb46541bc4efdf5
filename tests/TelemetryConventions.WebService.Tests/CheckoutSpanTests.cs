using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Cart;
using Cart.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;
using TelemetryConventions;
using Xunit;

namespace TelemetryConventions.WebService.Tests;

/// <summary>
/// The sample's checkout, hosted in memory with its own Program: the server span that ASP.NET Core's
/// instrumentation starts carries the service's typed attributes, set through Activity.Enrich, and ends
/// with the request.
/// </summary>
public sealed class CheckoutSpanTests
{
    private static readonly byte[] Key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public async Task The_framework_server_span_carries_the_typed_pseudonymised_attributes_and_ends_with_the_request()
    {
        var exported = new ExportedSpans();
        await using var service = Host(exported);
        using var client = service.CreateClient();

        var response = await client.PostAsJsonAsync("/carts/c-42/checkout", new { userId = "U-1001", items = 3, paymentMethod = "invoice" });

        response.EnsureSuccessStatusCode();
        var (span, tags) = await exported.ServerSpan();
        var expected = new Pseudonymizer(new PseudonymizerOptions { Key = Key, KeyId = "t1" }).PseudonymizeUserId("U-1001");
        Assert.Equal(expected.Value, tags["user.id"]);
        Assert.Matches("^t1:[A-Za-z0-9_-]{22}$", (string)tags["user.id"]!);
        Assert.DoesNotContain(tags.Values, value => value is string text && text.Contains("U-1001", StringComparison.Ordinal));
        Assert.Equal("/carts/{cartId}/checkout", tags["http.route"]);
        Assert.Equal(3L, Convert.ToInt64(tags["cart.items"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("invoice", tags["cart.payment.method"]);
        // The instrumentation sets the status code when the request ends, just before it stops the span. Had the
        // handler ended the span, the exporter would have received it then, without the status code.
        Assert.Equal(200, tags.GetValueOrDefault("http.response.status_code"));
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("POST /carts/{cartId}/checkout", span.DisplayName);
    }

    [Fact]
    public async Task One_user_gets_one_pseudonym_across_requests_and_an_unknown_payment_method_is_left_out()
    {
        var exported = new ExportedSpans();
        await using var service = Host(exported);
        using var client = service.CreateClient();

        (await client.PostAsJsonAsync("/carts/a/checkout", new { userId = "U-7", items = 1, paymentMethod = "card" })).EnsureSuccessStatusCode();
        var (_, first) = await exported.ServerSpan();
        (await client.PostAsJsonAsync("/carts/b/checkout", new { userId = "U-7", items = 2, paymentMethod = "barter" })).EnsureSuccessStatusCode();
        var (_, second) = await exported.ServerSpan(count: 2);

        Assert.Equal(first["user.id"], second["user.id"]);
        Assert.Equal("card", first["cart.payment.method"]);
        Assert.False(second.ContainsKey("cart.payment.method"));
    }

    [Fact]
    public void Without_a_key_the_service_does_not_start()
    {
        using var service = new WebApplicationFactory<CheckoutEndpoint>().WithWebHostBuilder(web => web.UseEnvironment("Testing"));

        var failure = Assert.ThrowsAny<Exception>(() => service.CreateClient());

        Assert.Contains("Telemetry:Pseudonymizer", failure.ToString(), StringComparison.Ordinal);
    }

    private static WebApplicationFactory<CheckoutEndpoint> Host(ExportedSpans exported) =>
        new WebApplicationFactory<CheckoutEndpoint>().WithWebHostBuilder(web =>
        {
            // Not Development: the sample's development key stays out, the test's key comes from configuration.
            web.UseEnvironment("Testing");
            web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telemetry:Pseudonymizer:Key"] = Convert.ToBase64String(Key),
                ["Telemetry:Pseudonymizer:KeyId"] = "t1",
            }));
            web.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        });

    /// <summary>
    /// What the in-memory exporter received, with each span's tags copied as they were at export, when the span
    /// ended: the exporter keeps the live activity, which code running later could still change.
    /// </summary>
    private sealed class ExportedSpans : Collection<Activity>
    {
        private readonly List<(Activity Span, Dictionary<string, object?> Tags)> _received = [];

        /// <summary>The server span of the last request, once the instrumentation has stopped and exported it.</summary>
        public async Task<(Activity Span, Dictionary<string, object?> Tags)> ServerSpan(int count = 1)
        {
            // The response can reach the client just before the server stops the request's span.
            for (var attempt = 0; attempt < 100; attempt++)
            {
                lock (_received)
                {
                    var spans = _received.Where(s => s.Span.Kind == ActivityKind.Server).ToList();
                    if (spans.Count >= count)
                    {
                        Assert.Equal(count, spans.Count);
                        return spans[^1];
                    }
                }
                await Task.Delay(50);
            }
            throw new TimeoutException("The server span was not exported.");
        }

        protected override void InsertItem(int index, Activity item)
        {
            var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in item.TagObjects)
            {
                tags[key] = value;
            }
            lock (_received)
            {
                _received.Add((item, tags));
            }
            base.InsertItem(index, item);
        }
    }
}

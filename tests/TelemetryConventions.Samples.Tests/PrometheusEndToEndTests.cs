using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TelemetryConventions.Samples.Scenarios;
using Xunit;

namespace TelemetryConventions.Samples.Tests;

/// <summary>
/// The showcase in <c>--prometheus</c> mode, scraped by a real Prometheus server (Debian's package,
/// installed by .ci/install-tools), whose HTTP API must then answer for the metrics of every industry.
/// </summary>
public sealed class PrometheusEndToEndTests
{
    /// <summary>The exporter's default port; the showcase is run with its defaults.</summary>
    private const int ScrapePort = 9464;

    /// <summary>How long Prometheus gets to show data before the test fails.</summary>
    private static readonly TimeSpan DataDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Prometheus_scrapes_the_metrics_of_every_industry_from_the_showcase()
    {
        var prometheus = FindOnPath("prometheus");
        Assert.True(prometheus is not null,
            "The 'prometheus' server is not installed, so the end-to-end test cannot run. Install it with .ci/install-tools "
            + "(Debian/Ubuntu: sudo apt-get install prometheus; elsewhere put a Prometheus 2.x binary named 'prometheus' on PATH).");
        Assert.True(PortIsFree(ScrapePort), $"Port {ScrapePort} is in use, so the showcase cannot serve its metrics there; stop whatever listens on it.");

        var expected = ExpectedMetricsByIndustry();
        var work = Directory.CreateTempSubdirectory("showcase-prometheus-");
        var webPort = FreePort();
        ChildProcess? showcase = null;
        ChildProcess? server = null;
        try
        {
            // Long enough to outlive the test's deadline; the test kills it when done.
            showcase = ChildProcess.StartShowcase(["--prometheus", "--duration", "120", "--interval", "1"]);

            var config = Path.Combine(work.FullName, "prometheus.yml");
            // The exporter only answers for the host name in its listener prefix: localhost, not 127.0.0.1.
            await File.WriteAllTextAsync(config, $"""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: showcase
                    static_configs:
                      - targets: ['localhost:{ScrapePort}']
                """);
            server = ChildProcess.Start(prometheus!,
            [
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(work.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{webPort}",
                "--log.level=warn",
            ]);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(5) };
            var found = await WaitForMetrics(http, expected.Values.SelectMany(m => m).ToList(), showcase, server);

            foreach (var (industry, metrics) in expected)
            {
                foreach (var metric in metrics)
                {
                    var names = found[metric];
                    Assert.True(names.Count > 0, $"{industry}: Prometheus has no series for {metric}.\n{Diagnostics(showcase, server)}");
                    var series = await Query(http, names[0]);
                    Assert.True(series > 0, $"{industry}: the query {names[0]} returned no data.\n{Diagnostics(showcase, server)}");
                }
            }

            // A label from the conventions survives the trip: the alert type of the medical device alerts.
            var alerts = found["medical.device.alerts"].Single(name => name.EndsWith("_total", StringComparison.Ordinal));
            Assert.True(await Query(http, $"{alerts}{{medical_device_alert_type=\"low_oxygen\"}}") > 0);
        }
        finally
        {
            server?.Dispose();
            showcase?.Dispose();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file the killed server still held; the temporary directory is cleaned up by the system.
            }
        }
    }

    /// <summary>The declared metrics of each industry; education declares none on purpose.</summary>
    private static Dictionary<string, List<string>> ExpectedMetricsByIndustry()
    {
        var byIndustry = ScenarioExpectation.All
            .GroupBy(e => ScenarioCatalog.Find(e.Id)!.Industry)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Metrics).ToList());
        Assert.Empty(byIndustry["education"]);
        byIndustry.Remove("education");
        Assert.Equal(6, byIndustry.Count);
        return byIndustry;
    }

    /// <summary>
    /// Polls the names Prometheus knows until every expected metric has at least one: the OpenTelemetry
    /// name with dots as underscores, then the unit and <c>_total</c> suffixes the exporter adds.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> WaitForMetrics(HttpClient http, List<string> metrics, ChildProcess showcase, ChildProcess server)
    {
        var deadline = Stopwatch.StartNew();
        Dictionary<string, List<string>> found = new();
        string? lastError = null;
        while (deadline.Elapsed < DataDeadline)
        {
            Assert.False(showcase.HasExited, $"The showcase exited early.\n{Diagnostics(showcase, server)}");
            Assert.False(server.HasExited, $"Prometheus exited early.\n{Diagnostics(showcase, server)}");
            try
            {
                using var document = JsonDocument.Parse(await http.GetStringAsync("api/v1/label/__name__/values"));
                var names = document.RootElement.GetProperty("data").EnumerateArray().Select(n => n.GetString()!).ToList();
                found = metrics.ToDictionary(m => m, m => names.Where(n => IsPrometheusNameOf(n, m)).ToList());
                if (found.Values.All(n => n.Count > 0))
                {
                    return found;
                }
            }
            catch (HttpRequestException ex)
            {
                lastError = ex.Message; // Not listening yet.
            }
            catch (TaskCanceledException ex)
            {
                lastError = ex.Message;
            }
            await Task.Delay(500);
        }
        var missing = string.Join(", ", found.Where(f => f.Value.Count == 0).Select(f => f.Key));
        Assert.Fail($"After {DataDeadline.TotalSeconds:0} s Prometheus still lacks: {(missing.Length > 0 ? missing : "everything")} (last error: {lastError ?? "none"}).\n{Diagnostics(showcase, server)}");
        return found;
    }

    /// <summary>
    /// Whether <paramref name="prometheusName"/> is <paramref name="metric"/> with the exporter's
    /// suffixes. A prefix test is unambiguous because no metric name in the conventions is the
    /// prefix of another (a rule of conventions/README.md).
    /// </summary>
    private static bool IsPrometheusNameOf(string prometheusName, string metric)
    {
        var stem = metric.Replace('.', '_');
        return prometheusName == stem || prometheusName.StartsWith(stem + "_", StringComparison.Ordinal);
    }

    /// <summary>The number of series an instant query returns.</summary>
    private static async Task<int> Query(HttpClient http, string query)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(query)}"));
        Assert.Equal("success", document.RootElement.GetProperty("status").GetString());
        return document.RootElement.GetProperty("data").GetProperty("result").GetArrayLength();
    }

    private static string Diagnostics(ChildProcess showcase, ChildProcess server) =>
        $"showcase stderr:\n{Tail(showcase.Errors)}\nshowcase stdout (end):\n{Tail(showcase.Output)}\nprometheus log:\n{Tail(server.Errors)}";

    private static string Tail(string text) => text.Length <= 3000 ? text : "…" + text[^3000..];

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;

namespace TelemetryConventions.Api.Tests;

/// <summary>
/// What the OTLP exporter sends for a generated log event, read from the protobuf it posts: the
/// event id's name becomes the record's <c>event_name</c> field (OpenTelemetry .NET 1.13 and
/// later), the body and the attributes travel as declared.
/// </summary>
public sealed class OtlpLogExportTests
{
    [Fact]
    public async Task The_otlp_exporter_sends_the_event_name_body_severity_and_attributes()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = ReceiveOneAsync(listener);

        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "P-2001");
        using (var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options => options.AddOtlpExporter((exporter, processor) =>
        {
            exporter.Endpoint = new Uri($"http://127.0.0.1:{port}/v1/logs");
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            processor.ExportProcessorType = OpenTelemetry.ExportProcessorType.Simple;
        }))))
        {
            factory.CreateLogger("clinic.otlp").LogClinicRecordAccessedEvent(patient, ClinicVisitKind.Emergency, clinicRoom: 12);
        }

        var request = await received.WaitAsync(TimeSpan.FromSeconds(30));
        var record = Protobuf.Fields(request)
            .Where(f => f.Number == 1).SelectMany(resourceLogs => Protobuf.Fields(resourceLogs.Bytes!))
            .Where(f => f.Number == 2).SelectMany(scopeLogs => Protobuf.Fields(scopeLogs.Bytes!))
            .Where(f => f.Number == 2).Select(logRecord => Protobuf.Fields(logRecord.Bytes!))
            .Single();

        Assert.Equal("clinic.record.accessed", Text(record.Single(f => f.Number == 12)));
        Assert.Equal(13UL, record.Single(f => f.Number == 2).Varint); // SEVERITY_NUMBER_WARN
        Assert.Equal("Patient record accessed", Text(Protobuf.Fields(record.Single(f => f.Number == 5).Bytes!).Single(f => f.Number == 1)));
        var attributes = record.Where(f => f.Number == 6)
            .Select(f => Protobuf.Fields(f.Bytes!))
            .ToDictionary(kv => Text(kv.Single(f => f.Number == 1)), kv => Protobuf.Fields(kv.Single(f => f.Number == 2).Bytes!).Single());
        Assert.Equal(new[] { "clinic.patient.id", "clinic.room", "clinic.visit.kind" }, attributes.Keys.Order());
        Assert.Equal(patient.Value, Text(attributes["clinic.patient.id"]));
        Assert.Equal("emergency", Text(attributes["clinic.visit.kind"]));
        Assert.Equal((3, 12UL), (attributes["clinic.room"].Number, attributes["clinic.room"].Varint)); // AnyValue.int_value
        Assert.DoesNotContain("P-2001", Encoding.UTF8.GetString(request));
    }

    private static string Text(Protobuf.Field field) => Encoding.UTF8.GetString(field.Bytes!);

    private static async Task<byte[]> ReceiveOneAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        context.Response.StatusCode = 200;
        context.Response.Close();
        return body.ToArray();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Just enough of the protobuf wire format to walk an OTLP request.</summary>
    private static class Protobuf
    {
        public sealed record Field(int Number, ulong Varint, byte[]? Bytes);

        public static List<Field> Fields(byte[] message)
        {
            var fields = new List<Field>();
            var position = 0;
            while (position < message.Length)
            {
                var key = ReadVarint(message, ref position);
                var number = (int)(key >> 3);
                switch ((int)(key & 7))
                {
                    case 0:
                        fields.Add(new Field(number, ReadVarint(message, ref position), null));
                        break;
                    case 1:
                        fields.Add(new Field(number, BitConverter.ToUInt64(message, position), null));
                        position += 8;
                        break;
                    case 2:
                        var length = (int)ReadVarint(message, ref position);
                        fields.Add(new Field(number, 0, message[position..(position + length)]));
                        position += length;
                        break;
                    case 5:
                        fields.Add(new Field(number, BitConverter.ToUInt32(message, position), null));
                        position += 4;
                        break;
                    default:
                        throw new InvalidDataException($"Unexpected wire type in field {number}.");
                }
            }
            return fields;
        }

        private static ulong ReadVarint(byte[] message, ref int position)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = message[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
        }
    }
}

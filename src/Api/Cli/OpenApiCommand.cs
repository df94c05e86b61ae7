using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace AskVideo.Api.Cli;

/// <summary>
/// <c>openapi &lt;file&gt;</c>: writes the OpenAPI document without serving or touching the database, so the SPA's
/// typed client can be generated from it at build time.
/// </summary>
internal static class OpenApiCommand
{
    public static async Task<int> WriteAsync(WebApplication app, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 2) return CliCommand.Fail("Usage: openapi <output.json>");
        var provider = app.Services.GetRequiredService<ISwaggerProvider>();
        var document = provider.GetSwagger(OpenApi.OpenApiSetup.DocumentName);
        await using var writer = new StringWriter();
        document.SerializeAsV3(new OpenApiJsonWriter(writer));
        await File.WriteAllTextAsync(args[1], writer.ToString() + "\n", cancellationToken);
        Console.WriteLine($"Wrote {args[1]}");
        return 0;
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Http;

/// <summary>The fast upload path's settings (section "Uploads").</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>
    /// The folder nginx writes upload bodies to (its <c>client_body_temp_path</c> for the upload location), as this
    /// host sees it. Empty: bodies handed over by nginx are refused and uploads must stream through the API.
    /// </summary>
    public string? ProxyBodyDirectory { get; set; }
}

/// <summary>
/// An upload body nginx wrote to disk itself (<c>client_body_in_file_only</c>) and names in
/// <see cref="FileHeader"/>, instead of passing it on. The header is believed only when the request came from a
/// trusted proxy (the TCP peer, before any forwarded header is applied, is loopback or a known proxy of
/// <see cref="ForwardedHeadersOptions"/>) and names a regular file directly inside
/// <see cref="UploadOptions.ProxyBodyDirectory"/> with nginx's numeric temp name; otherwise it is ignored and the body,
/// if any, is read from the request.
/// </summary>
internal static class ProxiedUploadBody
{
    public const string FileHeader = "X-Upload-Body-File";

    public static FileInfo? Find(HttpContext context, UploadOptions options, ILogger logger)
    {
        var named = context.Request.Headers[FileHeader].ToString();
        if (named.Length == 0) return null;
        if (context.Features.Get<TransportPeer>() is not { FromTrustedProxy: true })
        {
            logger.LogWarning("An upload named a body file but did not come from a trusted proxy; the header was ignored");
            return null;
        }
        if (string.IsNullOrWhiteSpace(options.ProxyBodyDirectory))
        {
            logger.LogError("nginx handed over an upload body but Uploads:ProxyBodyDirectory is not set; set it to nginx's upload body folder");
            return null;
        }
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.ProxyBodyDirectory));
        var file = new FileInfo(Path.GetFullPath(named));
        var nginxName = file.Name.Length is > 0 and <= 20 && file.Name.All(char.IsAsciiDigit);
        if (file.DirectoryName != directory || !nginxName || !file.Exists || file.LinkTarget is not null)
        {
            logger.LogError("The upload body file nginx named is not a file of Uploads:ProxyBodyDirectory ({Directory}); check that it matches nginx's client_body_temp_path", directory);
            return null;
        }
        return file;
    }
}

/// <summary>Whether the TCP peer of this request is a trusted proxy, recorded before forwarded headers replace its address.</summary>
internal sealed record TransportPeer(bool FromTrustedProxy)
{
    public static bool IsTrusted(IPAddress? address, ForwardedHeadersOptions options)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || options.KnownProxies.Contains(address) || options.KnownIPNetworks.Any(n => n.Contains(address));
    }
}

/// <summary>Records the <see cref="TransportPeer"/> first thing in the pipeline, ahead of the forwarded-headers middleware.</summary>
internal sealed class TransportPeerStartupFilter(IOptions<ForwardedHeadersOptions> forwarded) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Features.Set(new TransportPeer(TransportPeer.IsTrusted(context.Connection.RemoteIpAddress, forwarded.Value)));
            return nextMiddleware(context);
        });
        next(app);
    };
}

public static class UploadServices
{
    /// <summary>The fast upload path: its options, the peer record its trust check needs, and sweeping nginx's leftovers.</summary>
    public static IServiceCollection AddFastUploads(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(UploadOptions.SectionName);
        services.AddOptions<UploadOptions>().Bind(section);
        services.AddTransient<IStartupFilter, TransportPeerStartupFilter>();
        // Bodies nginx wrote but never handed over (nginx or the API crashed) are swept like the store's partial files.
        if (section.Get<UploadOptions>()?.ProxyBodyDirectory is { Length: > 0 } directory)
        {
            services.AddSingleton(new Infrastructure.Storage.TemporaryUploadDirectory(directory));
            services.AddHostedService(_ => new UploadBodyFolder(directory));
        }
        return services;
    }
}

/// <summary>
/// Creates the folder nginx writes upload bodies to when the API starts, before it serves: Docker Compose mounts it
/// into nginx as a subpath of the media volume (so the API's move of a body is a rename), and a subpath must exist
/// when nginx's container starts, which is once the API is healthy.
/// </summary>
internal sealed class UploadBodyFolder(string directory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

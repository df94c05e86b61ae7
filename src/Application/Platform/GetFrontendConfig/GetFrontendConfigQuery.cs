using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Users;
using MediatR;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Platform.GetFrontendConfig;

public sealed record GetFrontendConfigQuery : IQuery<FrontendConfigDto>, IAllowAnonymous;

public sealed record AiProvidersDto(string Chat, string Embeddings, string Transcription);

public sealed record FrontendConfigDto(
    bool SignupEnabled,
    long MaxUploadBytes,
    IReadOnlyList<string> Languages,
    AiProvidersDto Providers,
    string Version);

internal sealed class GetFrontendConfigHandler(IOptions<AppOptions> app, IOptions<AiOptions> ai)
    : IRequestHandler<GetFrontendConfigQuery, FrontendConfigDto>
{
    public Task<FrontendConfigDto> Handle(GetFrontendConfigQuery request, CancellationToken cancellationToken)
    {
        var a = app.Value;
        var providers = new AiProvidersDto(ai.Value.ChatProvider, ai.Value.EmbeddingProvider, ai.Value.TranscriptionProvider);
        return Task.FromResult(new FrontendConfigDto(a.SignupEnabled, a.MaxUploadBytes, Language.Supported, providers, a.Version));
    }
}

// The gateway container app: external ingress on 8080, health probes, HTTP-concurrency scaling,
// config mounted from a secret volume, Redis and provider keys as secrets in environment variables.
param name string
param location string
param tags object
param environmentId string
param identityId string
param identityClientId string
param registryLoginServer string
@description('Image to run; empty on the first provision, before `azd deploy` has pushed one.')
param image string
param redisName string
param redisDatabaseName string
param gatewayConfig string
@secure()
param openAiApiKey string
@secure()
param anthropicApiKey string
param minReplicas int
param maxReplicas int
param concurrentRequests int

// First provision: a public ASP.NET Core sample on port 8080 holds the place until `azd deploy`
// swaps in the gateway image. It has no /health or /alive, so it gets TCP probes; Container Apps
// would otherwise time the deployment out waiting for a healthy revision.
var bootstrap = empty(image)
var containerImage = bootstrap ? 'mcr.microsoft.com/dotnet/samples:aspnetapp' : image

resource redis 'Microsoft.Cache/redisEnterprise@2025-07-01' existing = {
  name: redisName
}

resource redisDatabase 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' existing = {
  parent: redis
  name: redisDatabaseName
}

var redisConnectionString = '${redis.properties.hostName}:10000,ssl=true,password=${redisDatabase.listKeys().primaryKey},abortConnect=false'

var providerKeySecrets = concat(
  empty(openAiApiKey) ? [] : [{ name: 'openai-api-key', value: openAiApiKey }],
  empty(anthropicApiKey) ? [] : [{ name: 'anthropic-api-key', value: anthropicApiKey }]
)
var providerKeyEnv = concat(
  empty(openAiApiKey) ? [] : [{ name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }],
  empty(anthropicApiKey) ? [] : [{ name: 'ANTHROPIC_API_KEY', secretRef: 'anthropic-api-key' }]
)

var httpProbes = [
  {
    type: 'Startup'
    httpGet: { path: '/alive', port: 8080 }
    periodSeconds: 2
    failureThreshold: 30
  }
  {
    type: 'Readiness'
    httpGet: { path: '/health', port: 8080 }
    periodSeconds: 5
    timeoutSeconds: 3
    failureThreshold: 2
  }
  {
    type: 'Liveness'
    httpGet: { path: '/alive', port: 8080 }
    periodSeconds: 10
    timeoutSeconds: 3
    failureThreshold: 3
  }
]
var tcpProbes = [
  {
    type: 'Readiness'
    tcpSocket: { port: 8080 }
    periodSeconds: 5
  }
  {
    type: 'Liveness'
    tcpSocket: { port: 8080 }
    periodSeconds: 10
  }
]

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  // azd finds the app to deploy to by this tag.
  tags: union(tags, { 'azd-service-name': 'gateway' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      secrets: concat(
        [
          { name: 'redis-connection-string', value: redisConnectionString }
          { name: 'gateway-config', value: gatewayConfig }
        ],
        providerKeySecrets
      )
    }
    template: {
      // On SIGTERM the gateway stops accepting connections and finishes in-flight requests (LLM
      // streams take a while) for up to DOTNET_SHUTDOWNTIMEOUTSECONDS, inside this grace period.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'gateway'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            [
              { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' }
              { name: 'Gateway__ConfigFile', value: '/config/gateway.yaml' }
              { name: 'DOTNET_SHUTDOWNTIMEOUTSECONDS', value: '55' }
              { name: 'ConnectionStrings__redis', secretRef: 'redis-connection-string' }
              { name: 'AZURE_CLIENT_ID', value: identityClientId }
              { name: 'OTEL_SERVICE_NAME', value: 'agentgateway' }
            ],
            providerKeyEnv
          )
          probes: bootstrap ? tcpProbes : httpProbes
          volumeMounts: [
            {
              volumeName: 'config'
              mountPath: '/config'
            }
          ]
        }
      ]
      volumes: [
        {
          name: 'config'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'gateway-config'
              path: 'gateway.yaml'
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.configuration.ingress.fqdn}'

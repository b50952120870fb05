# Sourced by scripts/cdk-app, scripts/synth and scripts/compliance-report: builds the CDK app
# (infra/ and constructs/) and the Lambda artifact it deploys when they are missing or older than
# their sources, then sets CAIRN_INFRA_CLASSPATH. Build output goes to stderr.

cairn_infra_build() {
  cairn_root=$1
  cairn_classpath_file="$cairn_root/infra/target/classpath.txt"
  cairn_artifact="$cairn_root/app/target/cairn-api-lambda.jar"
  if [ ! -f "$cairn_classpath_file" ] || [ ! -f "$cairn_artifact" ] \
    || [ ! -f "$cairn_root/infra/target/classes/dev/cairn/infra/CairnApp.class" ] \
    || [ -n "$(find "$cairn_root/pom.xml" "$cairn_root/constructs" "$cairn_root/infra" "$cairn_root/app" \
      \( -path '*/target' -prune \) -o -type f -newer "$cairn_classpath_file" -print 2>/dev/null | head -n 1)" ]; then
    echo "Building the CDK app and the Lambda artifact..." >&2
    "$cairn_root/mvnw" -B -q -f "$cairn_root/pom.xml" -pl app,infra -am package -DskipTests \
      -Dspotless.check.skip=true -Djacoco.skip=true >&2 || return 1
    touch "$cairn_classpath_file"
  fi
  CAIRN_INFRA_CLASSPATH="$cairn_root/infra/target/classes:$(cat "$cairn_classpath_file")"
  export CAIRN_INFRA_CLASSPATH
}
